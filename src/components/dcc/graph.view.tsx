/**
 * dcc.Graph view (spec/components.md §3.1): draws `figure` with Plotly.react (Plotly.animate when
 * `animate`), applies extendData/prependData, resizes with its container when responsive, and writes
 * click/hover/selection/relayout/restyle data back filtered as Dash does (graph-events.ts).
 * plotly.js loads in its own chunk when the first Graph mounts (graph-plotly.browser.ts).
 */
import { useEffect, useRef, useState } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import { loadingAttributes } from '../../renderer/component-api.js';
import type { GraphProps } from './graph.js';
import {
  clickAnnotationEvent,
  clickEvent,
  configOverride,
  filterPointsEvent,
  graphStyle,
  isResponsive,
  isShapeEdit,
  layoutOverride,
  parseTraceUpdate,
} from './graph-events.js';
import type { PlotlyApi, PlotlyGraphDiv } from './graph-plotly.browser.js';
import { loadPlotly } from './graph-plotly.browser.js';
import { jsonEqual } from './json-equal.js';
import { classNames, domId } from './view-utils.browser.js';
import './styles/graph.css';

type Json = Record<string, unknown>;

const defaultAnimationOptions = { frame: { redraw: false }, transition: { duration: 750, ease: 'cubic-in-out' } };

/** MathJax is not bundled: typeset only when the page already has it (otherwise LaTeX shows as text). */
function mathjaxAvailable(): boolean {
  return typeof (window as unknown as { MathJax?: unknown }).MathJax === 'object';
}

export default function GraphView(props: ViewProps<GraphProps>) {
  const gdRef = useRef<PlotlyGraphDiv>(null);
  const outerRef = useRef<HTMLDivElement>(null);
  const [plotly, setPlotly] = useState<PlotlyApi | null>(null);
  const [failed, setFailed] = useState(false);
  // Event handlers are bound once; they read the latest props from here.
  const latest = useRef(props);
  latest.current = props;
  // plotly.js calls on one div must not overlap: each waits for the previous one.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const bound = useRef(false);

  const enqueue = (task: () => Promise<unknown> | undefined) => {
    queue.current = queue.current.then(task).catch((error: unknown) => {
      gdRef.current?.classList.remove('dash-graph--pending');
      console.error('dcc.Graph:', error);
    });
  };

  useEffect(() => {
    let alive = true;
    loadPlotly().then(
      (api) => alive && setPlotly(api),
      (error: unknown) => {
        console.error('dcc.Graph: plotly.js failed to load', error);
        if (alive) setFailed(true);
      },
    );
    return () => {
      alive = false;
    };
  }, []);

  /** Write a prop only when it differs from the current value (hover, selection, relayout, restyle). */
  const writeIfChanged = (key: 'hoverData' | 'selectedData' | 'relayoutData' | 'restyleData', value: unknown) => {
    if (value === null || value === undefined || jsonEqual(value, latest.current[key])) return;
    latest.current.setProps({ [key]: value });
  };

  const bindEvents = (gd: PlotlyGraphDiv) => {
    const traces = () => gd.data ?? [];
    const write = (changes: Partial<GraphProps>) => latest.current.setProps(changes);
    gd.on('plotly_click', (data) => {
      const clickData = clickEvent(data, traces(), Date.now());
      // Filtered points are plain JSON records; the prop's schema describes exactly that shape.
      if (clickData) write({ clickData: clickData as GraphProps['clickData'] });
    });
    gd.on('plotly_clickannotation', (data) => {
      const clickAnnotationData = clickAnnotationEvent(data, Date.now());
      if (clickAnnotationData) write({ clickAnnotationData });
    });
    gd.on('plotly_hover', (data) => writeIfChanged('hoverData', filterPointsEvent(data, traces())));
    gd.on('plotly_unhover', () => {
      if (latest.current.clear_on_unhover) write({ hoverData: null });
    });
    gd.on('plotly_selected', (data) => writeIfChanged('selectedData', filterPointsEvent(data, traces())));
    gd.on('plotly_deselect', () => write({ selectedData: null }));
    gd.on('plotly_relayout', (data) => {
      writeIfChanged('relayoutData', data);
      // Drawn or edited shapes become part of the figure, so callbacks reading `figure` see them.
      if (isShapeEdit(data)) {
        const figure = latest.current.figure ?? {};
        const shapes = structuredClone(gd.layout?.['shapes'] ?? []) as unknown;
        write({ figure: { ...figure, layout: { ...figure.layout, shapes } } });
      }
    });
    gd.on('plotly_restyle', (data) => writeIfChanged('restyleData', data));
  };

  const resize = (force: boolean) => {
    const gd = gdRef.current;
    const current = latest.current;
    if (!plotly || !gd || !bound.current) return;
    if (!force && !isResponsive(current.responsive, current.config, current.figure?.layout)) return;
    gd.classList.add('dash-graph--pending');
    plotly.Plots.resize(gd)
      .catch(() => undefined)
      .finally(() => gd.classList.remove('dash-graph--pending'));
  };

  // Draw (or animate to) the figure whenever it changes.
  const { figure, mathjax } = props;
  useEffect(() => {
    if (!plotly) return;
    enqueue(async () => {
      const gd = gdRef.current;
      if (!gd) return;
      const current = latest.current;
      // plotly.js mutates what it is given (ranges, legend toggles): keep the prop untouched.
      const copy = structuredClone(figure ?? {}) as { data?: unknown[]; layout?: Json; frames?: unknown[] };
      const data = copy.data ?? [];
      const layout = { ...copy.layout, ...layoutOverride(current.responsive) };
      const config: Json = { ...current.config, ...configOverride(current.responsive) };
      if (mathjax === true && mathjaxAvailable()) config['typesetMath'] = true;
      if (current.animate && bound.current && data.length === (gd.data ?? []).length) {
        const options = current.animation_options ?? defaultAnimationOptions;
        if (copy.frames) {
          await plotly.deleteFrames(gd);
          await plotly.addFrames(gd, copy.frames);
        }
        await plotly.animate(gd, { data, layout }, options);
        return;
      }
      gd.classList.add('dash-graph--pending');
      await plotly.react(gd, { data, layout, frames: copy.frames, config });
      gd.classList.remove('dash-graph--pending');
      if (!bound.current) {
        bindEvents(gd);
        bound.current = true;
        resize(true);
      }
    });
    // Config and responsive are read at draw time; like Dash, changing only them waits for the next figure.
  }, [plotly, figure, mathjax]);

  // Append or prepend points sent through extendData / prependData.
  const { extendData, prependData } = props;
  useEffect(() => {
    if (!plotly) return;
    const update = parseTraceUpdate(prependData);
    if (!update) return;
    enqueue(() => {
      const gd = gdRef.current;
      return gd ? plotly.prependTraces(gd, update.update, update.indices, update.maxPoints) : undefined;
    });
  }, [plotly, prependData]);
  useEffect(() => {
    if (!plotly) return;
    const update = parseTraceUpdate(extendData);
    if (!update) return;
    enqueue(() => {
      const gd = gdRef.current;
      return gd ? plotly.extendTraces(gd, update.update, update.indices, update.maxPoints) : undefined;
    });
  }, [plotly, extendData]);

  // Follow the container's size (debounced like Dash's resize detector).
  useEffect(() => {
    const outer = outerRef.current;
    if (!outer || !plotly) return undefined;
    let timer: number | undefined;
    const observer = new ResizeObserver(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => resize(false), 50);
    });
    observer.observe(outer);
    return () => {
      window.clearTimeout(timer);
      observer.disconnect();
    };
  }, [plotly]);

  // Free plotly.js's listeners and WebGL contexts when the Graph goes away (the ref is already
  // cleared when cleanups run, so the div is captured here).
  useEffect(() => {
    const gd = gdRef.current;
    if (!gd || !plotly) return undefined;
    return () => {
      gd.removeAllListeners?.();
      if (bound.current) plotly.purge(gd);
    };
  }, [plotly]);

  return (
    <div
      id={domId(props.id)}
      ref={outerRef}
      className={classNames('dash-graph', failed && 'dash-graph--failed', props.className)}
      style={graphStyle(props.style, props.responsive)}
      {...loadingAttributes(props.loading_state)}
    >
      <div ref={gdRef} className="dash-graph-plot" style={{ width: '100%', height: '100%' }} />
    </div>
  );
}
