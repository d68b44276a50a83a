/**
 * dcc.ConfirmDialogProvider view (spec/components.md §3.23): a `<div id>` around the children. A
 * click inside it is caught in the capture phase and stopped, so the child's own click handling
 * (e.g. a button's n_clicks) does not run — Dash replaces the child's onClick the same way — and
 * `displayed` is set, which opens the confirm() box.
 */
import type { MouseEvent } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import { loadingAttributes } from '../../renderer/component-api.js';
import { useConfirmAnswer } from './confirm-dialog-answer.browser.js';
import type { ConfirmDialogProviderProps } from './confirm-dialog-provider.js';
import { domId } from './view-utils.browser.js';

export default function ConfirmDialogProviderView(props: ViewProps<ConfirmDialogProviderProps>) {
  useConfirmAnswer(props);
  const { setProps } = props;
  const onClickCapture = (event: MouseEvent<HTMLDivElement>) => {
    // Clicks on the wrapper's own padding (outside any child) do nothing, as in Dash.
    if (event.target === event.currentTarget) return;
    event.stopPropagation();
    setProps({ displayed: true });
  };
  return (
    <div id={domId(props.id)} onClickCapture={onClickCapture} {...loadingAttributes(props.loading_state)}>
      {props.children}
    </div>
  );
}
