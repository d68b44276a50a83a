import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as html from '../../components/html/index.js';
import { Input, Output } from '../../shared/dependencies.js';
import { Dash } from '../dash.js';
import { layoutValidationConfig } from './validate-app.js';

function app(options: ConstructorParameters<typeof Dash>[0] = {}): Dash {
  const a = new Dash(options);
  a.layout = html.Div([html.Div({ id: 'in' }), html.Div({ id: 'out' })]);
  a.callback(Output('out', 'children'), Input('in', 'n_clicks'), (n) => n);
  return a;
}

describe('layoutValidationConfig', () => {
  it('sends nothing for a correct app, the issues otherwise, and recomputes only when something changed', async () => {
    const a = app();
    const first = layoutValidationConfig(a, 'dash-ts');
    assert.deepEqual(await first, {});
    assert.equal(layoutValidationConfig(a, 'dash-ts'), first, 'cached');
    a.callback(Output('elsewhere', 'children'), Input('in', 'n_clicks'), (n) => n);
    const second = await layoutValidationConfig(a, 'dash-ts');
    assert.deepEqual(
      second.callback_layout_errors?.map((e) => [e.title, e.callback]),
      [['ID not found in layout', 'elsewhere.children']],
    );
    a.validation_layout = html.Div([a.layout as ReturnType<typeof html.Div>, html.Div({ id: 'elsewhere' })]);
    assert.deepEqual(await layoutValidationConfig(a, 'dash-ts'), {}, 'a new validation layout is used');
  });

  it("gives Dash's renderer the validation layout instead, as Dash does, and nothing when suppressed", async () => {
    const a = app();
    assert.deepEqual(await layoutValidationConfig(a, 'dash'), {}, 'a plain layout is not a validation layout');
    const superset = html.Div([html.Div({ id: 'more' })]);
    a.validation_layout = superset;
    assert.deepEqual(await layoutValidationConfig(a, 'dash'), { validation_layout: superset });
    const suppressed = app({ suppress_callback_exceptions: true });
    suppressed.validation_layout = superset;
    assert.deepEqual(await layoutValidationConfig(suppressed, 'dash'), {});
  });

  it('skips the checks when a layout function cannot run outside a request', async () => {
    const a = app();
    a.layout = () => {
      throw new Error('needs a request');
    };
    a.callback(Output('nowhere', 'children'), Input('in', 'n_clicks'), (n) => n);
    assert.deepEqual(await layoutValidationConfig(a, 'dash-ts'), {});
  });
});
