/**
 * dcc.Button view (spec/components.md §3.9): a themed `<button class="dash-button">`, type
 * "button" by default, counting clicks and blurs. Unlike Dash 4.3, `formAction` is checked by
 * `safeUrl` too (spec §5 lists it as a gap).
 */
import type { ViewProps } from '../../renderer/component-api.js';
import { loadingAttributes, safeUrl } from '../../renderer/component-api.js';
import type { ButtonProps } from './button.js';
import { classNames, domId, useCounter } from './view-utils.browser.js';
import './styles/dcc.css';
import './styles/button.css';

export default function ButtonView(props: ViewProps<ButtonProps>) {
  const { setProps } = props;
  const nextClick = useCounter(props.n_clicks);
  const nextBlur = useCounter(props.n_blur);
  return (
    <button
      id={domId(props.id)}
      className={classNames('dash-button', props.className)}
      style={props.style}
      type={props.type ?? 'button'}
      onClick={() => setProps({ n_clicks: nextClick(), n_clicks_timestamp: Date.now() })}
      onBlur={() => setProps({ n_blur: nextBlur(), n_blur_timestamp: Date.now() })}
      autoFocus={props.autoFocus}
      disabled={props.disabled}
      form={props.form}
      formAction={safeUrl(props.formAction)}
      formEncType={props.formEncType}
      formMethod={props.formMethod}
      formNoValidate={props.formNoValidate}
      formTarget={props.formTarget}
      name={props.name}
      value={props.value}
      accessKey={props.accessKey}
      contentEditable={props.contentEditable}
      suppressContentEditableWarning
      dir={props.dir}
      draggable={props.draggable}
      hidden={props.hidden}
      lang={props.lang}
      role={props.role}
      spellCheck={props.spellCheck}
      tabIndex={props.tabIndex}
      title={props.title}
      {...loadingAttributes(props.loading_state)}
    >
      {props.children}
    </button>
  );
}
