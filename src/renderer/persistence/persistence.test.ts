import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PersistedComponent } from './persistence.js';
import { Persistence } from './persistence.js';
import type { StorageLike } from './storage.js';
import { STORE_PREFIX } from './storage.js';

/** A Web Storage stand-in; `failWrites` simulates a full quota. */
class FakeStorage implements StorageLike {
  readonly data = new Map<string, string>();
  failWrites = false;
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

const defaults = (namespace: string, type: string): readonly string[] | undefined =>
  namespace === 'dcc' && type === 'Input' ? ['value'] : undefined;

function setup(local = new FakeStorage(), session = new FakeStorage()) {
  const errors: string[] = [];
  const persistence = new Persistence({
    defaults,
    webStorage: (type) => (type === 'local' ? local : session),
    onError: (message) => errors.push(message),
  });
  return { persistence, local, session, errors };
}

function input(props: Record<string, unknown>): PersistedComponent {
  return { namespace: 'dcc', type: 'Input', props };
}

/** Simulate an edit: record it and return the component with the new props. */
function edit(persistence: Persistence, component: PersistedComponent, changes: Record<string, unknown>) {
  persistence.record(component, changes);
  return { ...component, props: { ...component.props, ...changes } };
}

describe('Persistence', () => {
  test('an edit is stored with its original and re-applied while the layout default is unchanged', () => {
    const { persistence, local } = setup();
    const layout = input({ id: 'a', value: 'x', persistence: true });
    edit(persistence, layout, { value: 'edited' });
    assert.equal(local.data.get(`${STORE_PREFIX}a.value.true`), '["edited","x"]');
    edit(persistence, { ...layout, props: { ...layout.props, value: 'edited' } }, { value: 'again' });
    assert.equal(local.data.get(`${STORE_PREFIX}a.value.true`), '["again","x"]', 'the first original is kept');
    assert.equal(persistence.apply(layout)['value'], 'again');
    // The app changed its default: the saved edit is stale and deleted.
    const changed = input({ id: 'a', value: 'new default', persistence: true });
    assert.equal(persistence.apply(changed)['value'], 'new default');
    assert.equal(local.data.size, 0);
  });

  test('no id, falsy persistence or a type without persisted props: nothing stored', () => {
    const { persistence, local } = setup();
    edit(persistence, input({ value: 'x', persistence: true }), { value: 'y' });
    edit(persistence, input({ id: 'a', value: 'x', persistence: false }), { value: 'y' });
    edit(persistence, { namespace: 'dcc', type: 'Button', props: { id: 'b', persistence: true } }, { n_clicks: 1 });
    assert.equal(local.data.size, 0);
    const props = { id: 'a', value: 'x', persistence: 0 };
    assert.equal(persistence.apply(input(props)), props, 'untouched props are returned as they are');
  });

  test('persistence values are separate saved sets; persistence_type picks the storage', () => {
    const { persistence, local, session } = setup();
    edit(persistence, input({ id: 'a', value: 'x', persistence: 'one' }), { value: 'first' });
    edit(persistence, input({ id: 'a', value: 'x', persistence: 'two' }), { value: 'second' });
    assert.equal(persistence.apply(input({ id: 'a', value: 'x', persistence: 'one' }))['value'], 'first');
    assert.equal(persistence.apply(input({ id: 'a', value: 'x', persistence: 'two' }))['value'], 'second');
    assert.equal(persistence.apply(input({ id: 'a', value: 'x', persistence: 'three' }))['value'], 'x');
    const inSession = input({ id: 's', value: 1, persistence: true, persistence_type: 'session' });
    edit(persistence, inSession, { value: 2 });
    assert.ok(session.data.has(`${STORE_PREFIX}s.value.true`));
    assert.ok(!local.data.has(`${STORE_PREFIX}s.value.true`));
    const inMemory = input({ id: 'm', value: 1, persistence: true, persistence_type: 'memory' });
    edit(persistence, inMemory, { value: 3 });
    assert.equal(persistence.apply(inMemory)['value'], 3);
    assert.ok(![...local.data.keys(), ...session.data.keys()].some((key) => key.includes('.m.')));
  });

  test('persisted_props limits what persists; dict ids are keyed by their stringified form', () => {
    const { persistence, local } = setup();
    const id = { type: 'in', index: 1 };
    const component = input({ id, value: 'x', placeholder: 'p', persistence: true, persisted_props: ['placeholder'] });
    edit(persistence, component, { value: 'y', placeholder: 'q' });
    assert.deepEqual([...local.data.keys()], [`${STORE_PREFIX}{"index":1,"type":"in"}.placeholder.true`]);
    const applied = persistence.apply(component);
    assert.equal(applied['placeholder'], 'q');
    assert.equal(applied['value'], 'x');
  });

  test('a callback writing a persisted prop drops that saved edit only', () => {
    const { persistence, local } = setup();
    const component = input({
      id: 'a',
      value: 'x',
      placeholder: 'p',
      persistence: true,
      persisted_props: ['value', 'placeholder'],
    });
    const edited = edit(persistence, component, { value: 'y', placeholder: 'q' });
    const written = persistence.prune(edited, { value: 'from callback' });
    assert.deepEqual(written, { value: 'from callback' });
    assert.ok(!local.data.has(`${STORE_PREFIX}a.value.true`));
    assert.ok(local.data.has(`${STORE_PREFIX}a.placeholder.true`));
  });

  test('an update switching persistence reverts applied values and applies the other set', () => {
    const { persistence } = setup();
    edit(persistence, input({ id: 'a', value: 'x', persistence: 'one' }), { value: 'first' });
    edit(persistence, input({ id: 'a', value: 'x', persistence: 'two' }), { value: 'second' });
    const shown = input({ id: 'a', value: 'first', persistence: 'one' });
    assert.deepEqual(persistence.prune(shown, { persistence: 'two' }), { persistence: 'two', value: 'second' });
    assert.deepEqual(persistence.prune(shown, { persistence: false }), { persistence: false, value: 'x' });
    // Recording the switch itself stores nothing in the old set.
    persistence.record(shown, { persistence: 'two', value: 'second' });
    assert.equal(persistence.apply(input({ id: 'a', value: 'x', persistence: 'one' }))['value'], 'first');
  });

  test('nested persisted props store only the extracted part (persistenceTransforms)', () => {
    const { persistence, local } = setup();
    const columns = [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
    ];
    const table: PersistedComponent = {
      namespace: 'dash_table',
      type: 'DataTable',
      props: { id: 't', columns, persistence: true, persisted_props: ['columns.name'] },
    };
    edit(persistence, table, {
      columns: [
        { id: 'a', name: 'Renamed' },
        { id: 'b', name: 'B' },
      ],
    });
    assert.equal(local.data.get(`${STORE_PREFIX}t.columns.name.true`), '[["Renamed","B"],["A","B"]]');
    // Other parts of the columns may change in the layout: names are still applied.
    const relaid = { ...table, props: { ...table.props, columns: columns.map((c) => ({ ...c, type: 'text' })) } };
    assert.deepEqual(persistence.apply(relaid)['columns'], [
      { id: 'a', name: 'Renamed', type: 'text' },
      { id: 'b', name: 'B', type: 'text' },
    ]);
    persistence.prune(table, { columns });
    assert.equal(local.data.size, 0, 'a callback writing columns drops the columns.name edit');
  });

  test('storage failures are reported, never thrown; disabled storage falls back to memory', () => {
    const full = new FakeStorage();
    const { persistence, errors } = setup(full);
    full.failWrites = false;
    const component = input({ id: 'a', value: 'x', persistence: true });
    persistence.apply(component); // opens the store (probe succeeds)
    full.failWrites = true;
    assert.doesNotThrow(() => edit(persistence, component, { value: 'y' }));
    assert.match(errors.join('\n'), /failed to save in localStorage/);

    const blocked = new Persistence({
      defaults,
      webStorage: () => {
        throw new Error('SecurityError');
      },
      onError: (message) => errors.push(message),
    });
    edit(blocked, component, { value: 'kept in memory' });
    assert.equal(blocked.apply(component)['value'], 'kept in memory');
    assert.match(errors.join('\n'), /localStorage init failed \(SecurityError\), falling back to memory/);
  });

  test('an unreadable stored entry is discarded', () => {
    const local = new FakeStorage();
    local.data.set(`${STORE_PREFIX}a.value.true`, '{not json');
    local.data.set(`${STORE_PREFIX}b.value.true`, '"not a pair"');
    const { persistence } = setup(local);
    assert.equal(persistence.apply(input({ id: 'a', value: 'x', persistence: true }))['value'], 'x');
    assert.equal(persistence.apply(input({ id: 'b', value: 'x', persistence: true }))['value'], 'x');
    assert.equal(local.data.size, 0);
  });
});
