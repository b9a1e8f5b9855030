/**
 * Listeners keyed by form path, in a trie, so that a keystroke at
 * `line_items.250.sku` wakes exactly the listeners on that path, its ancestors
 * (`line_items.250`, `line_items`, the root) and its descendants — not the other
 * 4,999 rows. Everything else that changes the form (errors, a reset) is rare and
 * wakes every listener; each one then decides, by its own selector, whether
 * anything it shows changed.
 */
import type { FormPath } from './form-path';

interface Node {
  listeners: Set<() => void> | undefined;
  children: Map<string, Node> | undefined;
}

function createNode(): Node {
  return { listeners: undefined, children: undefined };
}

export interface PathListeners {
  add(path: FormPath, listener: () => void): () => void;
  /** Wakes the listeners on `path`, on its ancestors and on its descendants. */
  notifyPath(path: FormPath): void;
  notifyAll(): void;
  readonly size: number;
}

export function createPathListeners(): PathListeners {
  const root = createNode();
  let size = 0;

  const visitSubtree = (node: Node, wake: (listener: () => void) => void): void => {
    node.listeners?.forEach(wake);
    node.children?.forEach((child) => visitSubtree(child, wake));
  };

  // A listener may unsubscribe another while being woken (a row unmounting): collect first, then call.
  const wakeAll = (collect: (wake: (listener: () => void) => void) => void): void => {
    const pending: Array<() => void> = [];
    collect((listener) => pending.push(listener));
    for (const listener of pending) listener();
  };

  return {
    add(path, listener) {
      let node = root;
      const trail: Array<[Node, string]> = [];
      for (const segment of path) {
        const key = String(segment);
        node.children ??= new Map();
        let child = node.children.get(key);
        if (!child) {
          child = createNode();
          node.children.set(key, child);
        }
        trail.push([node, key]);
        node = child;
      }
      node.listeners ??= new Set();
      node.listeners.add(listener);
      size += 1;
      const target = node;
      return () => {
        if (!target.listeners?.delete(listener)) return;
        size -= 1;
        // Prune empty branches, so a long session of scrolling through rows does not grow the trie forever.
        let current = target;
        for (let index = trail.length - 1; index >= 0; index -= 1) {
          if (current.listeners?.size || current.children?.size) break;
          const [parent, key] = trail[index]!;
          parent.children!.delete(key);
          current = parent;
        }
      };
    },

    notifyPath(path) {
      wakeAll((wake) => {
        let node: Node | undefined = root;
        for (const segment of path) {
          node.listeners?.forEach(wake);
          node = node.children?.get(String(segment));
          if (!node) return;
        }
        visitSubtree(node, wake);
      });
    },

    notifyAll() {
      wakeAll((wake) => visitSubtree(root, wake));
    },

    get size() {
      return size;
    },
  };
}
