/**
 * dcc.Textarea view (spec/components.md §3.6): a `<textarea class="dash-textarea">` that writes
 * `value` on every change and counts blurs and clicks.
 */
import type { ChangeEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import { loadingAttributes } from '../../renderer/component-api.js';
import type { TextareaProps } from './textarea.js';
import { classNames, domId, isOn, useCounter } from './view-utils.browser.js';
import './styles/dcc.css';
import './styles/textarea.css';

export default function TextareaView(props: ViewProps<TextareaProps>) {
  const { value, setProps } = props;
  const [text, setText] = useState(value ?? '');
  // Our own write coming back as a prop must not move the caret or drop later keystrokes.
  const written = useRef<string | undefined>(undefined);
  const nextBlur = useCounter(props.n_blur);
  const nextClick = useCounter(props.n_clicks);

  useEffect(() => {
    if (written.current !== undefined && written.current === value) return;
    written.current = undefined;
    setText(value ?? '');
  }, [value]);

  const onChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
    const next = event.target.value;
    setText(next);
    written.current = next;
    setProps({ value: next });
  };

  return (
    <textarea
      id={domId(props.id)}
      className={classNames('dash-textarea', props.className)}
      style={props.style}
      value={text}
      onChange={onChange}
      onBlur={() => setProps({ n_blur: nextBlur(), n_blur_timestamp: Date.now() })}
      onClick={() => setProps({ n_clicks: nextClick(), n_clicks_timestamp: Date.now() })}
      autoFocus={isOn(props.autoFocus)}
      cols={props.cols}
      disabled={isOn(props.disabled)}
      form={props.form}
      maxLength={props.maxLength}
      minLength={props.minLength}
      name={props.name}
      placeholder={props.placeholder}
      readOnly={isOn(props.readOnly)}
      required={isOn(props.required)}
      rows={props.rows}
      wrap={props.wrap}
      accessKey={props.accessKey}
      contentEditable={props.contentEditable}
      suppressContentEditableWarning
      dir={props.dir}
      draggable={props.draggable}
      hidden={isOn(props.hidden)}
      lang={props.lang}
      spellCheck={props.spellCheck}
      tabIndex={props.tabIndex}
      title={props.title}
      {...(props.contextMenu === undefined ? {} : { contextmenu: props.contextMenu })}
      {...loadingAttributes(props.loading_state)}
    />
  );
}
