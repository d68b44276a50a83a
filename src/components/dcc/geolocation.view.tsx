/**
 * dcc.Geolocation view (spec/components.md §3.26): renders nothing. Asks
 * `navigator.geolocation.getCurrentPosition` on mount, whenever `update_now` is set (resetting it to
 * false) and whenever an option (`high_accuracy`, `maximum_age`, `timeout`) changes. A fix writes
 * `position`, `timestamp`, `local_date` and clears `position_error`; a failure writes
 * `position_error` (code 999 when the browser has no Geolocation API), clears `position`, and with
 * `show_alert` also shows `window.alert`.
 */
import { useEffect, useRef } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import type { GeolocationProps } from './geolocation.js';

type Setter = ViewProps<GeolocationProps>['setProps'];

function onFix(setProps: Setter, fix: GeolocationPosition): void {
  const c = fix.coords;
  setProps({
    local_date: new Date(fix.timestamp).toLocaleString(),
    timestamp: fix.timestamp,
    position: {
      lat: c.latitude,
      lon: c.longitude,
      accuracy: c.accuracy,
      alt: c.altitude ?? null,
      alt_accuracy: c.altitudeAccuracy ?? null,
      // Browsers give NaN for the heading of a device standing still; JSON has no NaN.
      heading: c.heading === null || Number.isNaN(c.heading) ? null : c.heading,
      speed: c.speed ?? null,
    },
    position_error: null,
  });
}

function onFailure(setProps: Setter, showAlert: boolean, code: number, message: string): void {
  if (showAlert) window.alert(`ERROR(${code}): ${message}`);
  setProps({ position: null, position_error: { code, message } });
}

export default function GeolocationView(props: ViewProps<GeolocationProps>) {
  const { high_accuracy = false, maximum_age = 0, timeout, update_now = false } = props;
  // Answers arrive later: they must use the current setProps and show_alert.
  const latest = useRef(props);
  latest.current = props;

  // The options of the last request: when only update_now flipped back to false, ask nothing.
  const asked = useRef<string | undefined>(undefined);

  useEffect(() => {
    const options = JSON.stringify([high_accuracy, maximum_age, timeout ?? null]);
    if (!update_now && asked.current === options) return;
    asked.current = options;
    const fail = (code: number, message: string) =>
      onFailure(latest.current.setProps, latest.current.show_alert === true, code, message);
    if (typeof navigator.geolocation === 'undefined') {
      fail(999, 'Your browser does not support Geolocation');
    } else {
      navigator.geolocation.getCurrentPosition(
        (fix) => onFix(latest.current.setProps, fix),
        (error) => fail(error.code, error.message),
        // No timeout means wait forever (the API's default, Infinity, which JSON cannot carry).
        { enableHighAccuracy: high_accuracy, maximumAge: maximum_age, ...(timeout === undefined ? {} : { timeout }) },
      );
    }
    if (update_now) latest.current.setProps({ update_now: false });
  }, [high_accuracy, maximum_age, timeout, update_now]);

  return null;
}
