// The base of every proxy: queued loads, reads only after load + sync, null objects, collections.
import { notLoaded } from "./errors";
import type { FakeContext } from "./context";

export type LoadSpec = string | string[] | { select?: string } | undefined;

export function loadPaths(spec: LoadSpec): string[] | null {
  if (spec === undefined) return null;
  const s = typeof spec === "string" ? spec : Array.isArray(spec) ? spec.join(",") : (spec.select ?? "");
  const parts = s.split(",").map((x) => x.trim()).filter(Boolean);
  return parts.length ? parts : null;
}

/** Base of every proxy: queued loads, reads only after load + sync, null-object state. */
export abstract class FakeObject {
  protected loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  constructor(readonly context: FakeContext, readonly path: string, nullable = false) {
    if (nullable) context.trackNullable(this);
  }

  /** Scalar properties loaded by load() with no argument. */
  protected abstract scalarNames(): string[];
  /** Current value of a scalar property on the host. */
  protected abstract hostValue(name: string): unknown;
  /** Navigation properties (for "protection/protected" paths). */
  protected child(_name: string): FakeObject | null {
    return null;
  }
  /** null when this is a null object; throws when the object does not exist. */
  abstract isNullHost(): boolean;

  settleNull(): void {
    try {
      this.nullState = this.isNullHost();
    } catch {
      this.nullState = true;
    }
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec) ?? this.scalarNames();
    const own: string[] = [];
    const itemTails: string[] = [];
    for (const p of paths) {
      const slash = p.indexOf("/");
      if (slash < 0) {
        own.push(p);
        continue;
      }
      const head = p.slice(0, slash), tail = p.slice(slash + 1);
      if (head === "items" && this instanceof FakeCollection) {
        itemTails.push(tail);
        continue;
      }
      const c = this.child(head);
      if (!c) throw new Error(`fake: cannot load path ${p} on ${this.path}`);
      c.load(tail);
    }
    // One items array for the whole load call, as Office.js gives.
    if (itemTails.length && this instanceof FakeCollection) this.loadItems(itemTails.join(","));
    if (own.length) {
      for (const n of own) if (!this.scalarNames().includes(n) && n !== "items") throw new Error(`fake: unknown property ${n} on ${this.path}`);
      this.context.queue(`${this.path}.load`, own, () => {
        if (this.isNullHost()) {
          for (const n of own) this.loaded.set(n, null);
          return;
        }
        for (const n of own) {
          if (n === "items" && this instanceof FakeCollection) {
            this.applyItemsLoad(null);
            continue;
          }
          const v = this.hostValue(n);
          this.loaded.set(n, v);
          this.context.addResponse(v);
        }
      });
    }
    return this;
  }

  /** Loads in place, inside the current action (collection items loaded with "items/..."). */
  loadNow(paths: string[] | null): void {
    for (const p of paths ?? this.scalarNames()) {
      const slash = p.indexOf("/");
      if (slash >= 0) {
        const c = this.child(p.slice(0, slash));
        if (!c) throw new Error(`fake: cannot load ${p} on ${this.path}`);
        c.loadNow([p.slice(slash + 1)]);
        continue;
      }
      const v = this.hostValue(p);
      this.loaded.set(p, v);
      this.context.addResponse(v);
    }
  }

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** Queues a property set (applied at sync). */
  protected set(name: string, value: unknown, apply: () => void): void {
    this.context.queue(`${this.path}.${name}=`, value, apply);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

export abstract class FakeCollection<T extends FakeObject> extends FakeObject {
  private loadedItems: T[] | null = null;
  protected abstract hostItems(): T[];

  get items(): T[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  loadItems(tail: string): void {
    this.context.queue(`${this.path}.load(items)`, tail, () => this.applyItemsLoad(tail));
  }

  applyItemsLoad(tail: string | null): void {
    const items = this.hostItems();
    this.loadedItems = items;
    for (const it of items) {
      const paths = tail ? tail.split(",").map((s) => s.trim()) : null;
      // Load each item in place (synchronously, as part of this action).
      it.loadNow(paths);
    }
  }
}

/** Plain getters for loaded scalar properties (reading before load + sync throws). */
export function scalarGetters(cls: { prototype: object }, names: string[]): void {
  for (const n of names) {
    if (Object.getOwnPropertyDescriptor(cls.prototype, n)) continue;
    Object.defineProperty(cls.prototype, n, {
      get(this: { read(name: string): unknown }) {
        return this.read(n);
      },
      configurable: true,
    });
  }
}
