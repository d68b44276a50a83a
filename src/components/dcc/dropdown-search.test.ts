import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  deselectAll,
  filterOptions,
  labelText,
  prunedValue,
  selectAll,
  selectedCountText,
  selectedFirst,
  toggleValue,
  valueList,
} from './dropdown-search.js';
import type { DetailedOption } from './options.js';

const cities: DetailedOption[] = [
  { label: 'New York City', value: 'NYC' },
  { label: 'Montréal', value: 'MTL', search: 'montreal quebec' },
  { label: 'San Francisco', value: 'SF' },
  { label: 'York', value: 'YRK', disabled: true },
];

describe('filterOptions', () => {
  it('returns everything for an empty query', () => {
    assert.deepEqual(filterOptions(cities, ''), cities);
    assert.deepEqual(filterOptions(cities, undefined), cities);
  });
  it('matches every query word as a case-insensitive substring of value, label or search', () => {
    assert.deepEqual(
      filterOptions(cities, 'yor', 'original').map((o) => o.value),
      ['NYC', 'YRK'],
    );
    assert.deepEqual(
      filterOptions(cities, 'queb', 'original').map((o) => o.value),
      ['MTL'],
    );
    assert.deepEqual(
      filterOptions(cities, 'new cit').map((o) => o.value),
      ['NYC'],
    );
    assert.deepEqual(filterOptions(cities, 'new sf'), []);
    assert.deepEqual(
      filterOptions(cities, 'sf').map((o) => o.value),
      ['SF'],
    );
  });
  it("ranks exact and prefix matches first in 'index' order, keeps order in 'original'", () => {
    assert.deepEqual(
      filterOptions(cities, 'york').map((o) => o.value),
      ['YRK', 'NYC'],
    );
    assert.deepEqual(
      filterOptions(cities, 'york', 'original').map((o) => o.value),
      ['NYC', 'YRK'],
    );
  });
  it('does not search labels when any label is a component', () => {
    const withComponent: DetailedOption[] = [
      { label: 'Alpha', value: 'a' },
      { label: { type: 'Span', namespace: 'dash_html_components', props: { children: 'Beta' } }, value: 'b' },
    ];
    assert.deepEqual(filterOptions(withComponent, 'alpha'), []);
    assert.deepEqual(
      filterOptions(withComponent, 'b').map((o) => o.value),
      ['b'],
    );
  });
  it('matches numeric and boolean values by their text', () => {
    const numbers: DetailedOption[] = [
      { label: 'one', value: 1 },
      { label: 'eleven', value: 11 },
      { label: 'yes', value: true },
    ];
    assert.deepEqual(
      filterOptions(numbers, '1', 'original').map((o) => o.value),
      [1, 11],
    );
    assert.deepEqual(
      filterOptions(numbers, 'tru').map((o) => o.value),
      [true],
    );
  });
});

describe('values', () => {
  it('turns the value prop into a list', () => {
    assert.deepEqual(valueList(null), []);
    assert.deepEqual(valueList('a'), ['a']);
    assert.deepEqual(valueList(['a', 2]), ['a', 2]);
    assert.deepEqual(valueList(false), [false]);
  });
  it('prunes values that left the options (null for single, filtered list for multi)', () => {
    assert.deepEqual(prunedValue('SF', cities, false), undefined);
    assert.deepEqual(prunedValue('LA', cities, false), { value: null });
    assert.deepEqual(prunedValue(['SF', 'LA', 'NYC'], cities, true), { value: ['SF', 'NYC'] });
    assert.deepEqual(prunedValue(['SF'], cities, true), undefined);
    assert.deepEqual(prunedValue(null, cities, true), undefined);
    assert.deepEqual(prunedValue([], cities, true), undefined);
  });
  it('toggles, selects all and deselects all among shown options', () => {
    assert.deepEqual(toggleValue(['a'], 'b'), ['a', 'b']);
    assert.deepEqual(toggleValue(['a', 'b'], 'a'), ['b']);
    const shown = cities.slice(0, 2).concat(cities[3]!);
    assert.deepEqual(selectAll(['SF'], shown), ['SF', 'NYC', 'MTL']);
    assert.deepEqual(deselectAll(['SF', 'NYC', 'YRK'], shown), ['SF', 'YRK']);
  });
  it('lists selected options first without reordering within groups', () => {
    assert.deepEqual(
      selectedFirst(cities, ['SF', 'NYC']).map((o) => o.value),
      ['NYC', 'SF', 'MTL', 'YRK'],
    );
  });
  it('fills in the selected count and reads label text', () => {
    assert.equal(selectedCountText('{num_selected} selected', 3), '3 selected');
    assert.equal(labelText(4), '4');
    assert.equal(labelText({ type: 'Span' }), undefined);
  });
});
