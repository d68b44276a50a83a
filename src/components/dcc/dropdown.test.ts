import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Dropdown } from './dropdown.js';

const schema = Dropdown.meta.schema;

describe('dcc.Dropdown definition', () => {
  it('is the dash_core_components Dropdown with every Dash prop', () => {
    assert.equal(Dropdown.meta.namespace, 'dash_core_components');
    assert.equal(Dropdown.meta.type, 'Dropdown');
    for (const prop of [
      'id',
      'options',
      'value',
      'multi',
      'clearable',
      'searchable',
      'search_value',
      'placeholder',
      'disabled',
      'closeOnSelect',
      'optionHeight',
      'maxHeight',
      'labels',
      'debounce',
      'search_order',
      'className',
      'style',
      'persistence',
      'persisted_props',
      'persistence_type',
    ]) {
      assert.ok(Dropdown.meta.propNames.includes(prop), `missing ${prop}`);
    }
  });
  it('builds component JSON without unset props', () => {
    assert.deepEqual(Dropdown({ id: 'd', options: ['a', 'b'], value: 'a', placeholder: undefined }), {
      type: 'Dropdown',
      namespace: 'dash_core_components',
      props: { id: 'd', options: ['a', 'b'], value: 'a' },
    });
  });
  it('accepts the three options forms and single or multi values', () => {
    assert.ok(schema.safeParse({ options: ['a', 1, true] }).success);
    assert.ok(
      schema.safeParse({ options: [{ label: 'A', value: 'a', disabled: true, title: 't', search: 's' }] }).success,
    );
    assert.ok(schema.safeParse({ options: { a: 'A', b: 'B' } }).success);
    assert.ok(schema.safeParse({ value: ['a', 2], multi: true }).success);
    assert.ok(schema.safeParse({ value: null, search_value: 'x', optionHeight: 'auto', maxHeight: 300 }).success);
  });
  it('rejects wrong types and unknown props', () => {
    assert.equal(schema.safeParse({ value: { a: 1 } }).success, false);
    assert.equal(schema.safeParse({ optionHeight: 'tall' }).success, false);
    assert.equal(schema.safeParse({ search_order: 'random' }).success, false);
    assert.equal(schema.safeParse({ labels: { select_everything: 'x' } }).success, false);
    assert.equal(schema.safeParse({ searchValue: 'x' }).success, false);
  });
});
