/**
 * The behaviour ConfirmDialog and ConfirmDialogProvider share: while `displayed` is true, ask
 * `window.confirm(message)` once, then write the OK or Cancel counter, its timestamp and
 * `displayed: false` in one `setProps` call (as Dash does).
 */
import { useEffect, useRef } from 'react';
import { useCounter } from './view-utils.browser.js';

export interface ConfirmAnswerProps {
  message?: string | undefined;
  displayed?: boolean | undefined;
  submit_n_clicks?: number | undefined;
  cancel_n_clicks?: number | undefined;
  setProps: (changes: {
    displayed: boolean;
    submit_n_clicks?: number;
    submit_n_clicks_timestamp?: number;
    cancel_n_clicks?: number;
    cancel_n_clicks_timestamp?: number;
  }) => void;
}

export function useConfirmAnswer(props: ConfirmAnswerProps): void {
  const nextSubmit = useCounter(props.submit_n_clicks);
  const nextCancel = useCounter(props.cancel_n_clicks);
  // The effect runs when `displayed` flips; the message and setProps are read fresh from this ref.
  const latest = useRef(props);
  latest.current = props;
  const { displayed } = props;

  useEffect(() => {
    // Runs once per flip to true: a re-render while the reset is on its way keeps `displayed`
    // unchanged, so it does not ask twice.
    if (displayed !== true) return;
    // confirm() blocks the page until the user answers, exactly like Dash's component.
    const ok = window.confirm(latest.current.message ?? '');
    const now = Date.now();
    latest.current.setProps(
      ok
        ? { submit_n_clicks: nextSubmit(), submit_n_clicks_timestamp: now, displayed: false }
        : { cancel_n_clicks: nextCancel(), cancel_n_clicks_timestamp: now, displayed: false },
    );
  }, [displayed, nextSubmit, nextCancel]);
}
