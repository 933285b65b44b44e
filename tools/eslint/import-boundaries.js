// A local ESLint plugin that enforces ARCHITECTURE.md's import directions.
// Plain JavaScript (ESM) so ESLint loads it without a build step.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { importSourceVisitors, projectPath } from './import-sources.js';
import serverLayers from './server-layers.js';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
const SOURCE_ROOTS = ['src-shared', 'src-server', 'src-main', 'src-preload', 'src-renderer'];
const PRELOAD_API = 'src-preload/app-api';
const LOCAL_STORE_PACKAGES = ['dexie', 'dexie-react-hooks', 'socket.io-client'];
// Only these renderer folders talk to the local database and the socket; everything else reads through them.
const LOCAL_STORE_FOLDERS = ['src-renderer/data/', 'src-renderer/sync/'];
const NODE_BUILTINS = new Set(builtinModules);
// Tests and their fakes run in vitest on Node, not in the root's runtime: any package or builtin is fine there.
const TEST_FILE = /(\.test\.tsx?$)|(\/testing\/)/;

/**
 * What each root may import besides itself: other roots, packages (null = any), Node builtins and
 * electron, and modules of other roots it may import as types only.
 */
const POLICIES = {
  // Pure code that runs anywhere: zod, and libphonenumber-js for reading phone numbers the same way on both sides.
  'src-shared': {
    roots: [],
    packages: ['zod', 'libphonenumber-js'],
    builtins: false,
    electron: false,
    typeOnly: [],
  },
  'src-server': { roots: ['src-shared'], packages: null, builtins: true, electron: false, typeOnly: [] },
  'src-main': {
    roots: ['src-shared'],
    packages: null,
    builtins: true,
    electron: true,
    typeOnly: [PRELOAD_API],
  },
  'src-preload': { roots: ['src-shared'], packages: null, builtins: true, electron: true, typeOnly: [] },
  'src-renderer': {
    roots: ['src-shared'],
    packages: null,
    builtins: false,
    electron: false,
    typeOnly: [PRELOAD_API],
  },
};

function rootOf(relativePath) {
  const first = relativePath?.split('/')[0];
  return SOURCE_ROOTS.includes(first) ? first : null;
}

function withoutExtension(relativePath) {
  return relativePath.replace(/\.(d\.ts|ts|tsx|js|mjs|cjs|jsx)$/, '');
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Resolves an import specifier to what it points at: a project file, a Node builtin, or a package. */
function classify(specifier, importingFile, projectRoot) {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    const target = projectPath(path.resolve(path.dirname(importingFile), specifier), projectRoot);
    return { kind: 'file', target, root: rootOf(target) };
  }
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(packageName(specifier))) {
    return { kind: 'builtin', name: specifier };
  }
  const name = packageName(specifier);
  return { kind: name === 'electron' ? 'electron' : 'package', name };
}

/** Why this import breaks the importing root's policy, or null when it is allowed. */
function violation(fromFile, fromRoot, imported, isTypeOnly) {
  const policy = POLICIES[fromRoot];
  const isTest = TEST_FILE.test(fromFile);
  if (isTest && imported.kind !== 'file' && !LOCAL_STORE_PACKAGES.includes(imported.name)) return null;
  if (imported.kind === 'builtin') return policy.builtins ? null : { messageId: 'builtin' };
  if (imported.kind === 'electron') return policy.electron ? null : { messageId: 'electron' };
  if (imported.kind === 'package') {
    if (policy.packages && !policy.packages.includes(imported.name)) return { messageId: 'package' };
    const isLocalStore = LOCAL_STORE_PACKAGES.includes(imported.name);
    if (
      fromRoot === 'src-renderer' &&
      isLocalStore &&
      !LOCAL_STORE_FOLDERS.some((f) => fromFile.startsWith(f))
    ) {
      return { messageId: 'localStore' };
    }
    return null;
  }
  if (imported.root === fromRoot) return null;
  if (imported.root && policy.roots.includes(imported.root)) return null;
  if (imported.target && policy.typeOnly.includes(withoutExtension(imported.target))) {
    return isTypeOnly ? null : { messageId: 'typeOnly' };
  }
  // Files outside the five roots (resources/, tests/, ...) are off limits for the pure shared root only.
  if (!imported.root && fromRoot !== 'src-shared') return null;
  return { messageId: 'root' };
}

const importDirections = {
  meta: {
    type: 'problem',
    docs: { description: "Enforce ARCHITECTURE.md's import directions between source roots" },
    schema: [
      {
        type: 'object',
        properties: { projectRoot: { type: 'string' } },
        additionalProperties: false,
      },
    ],
    messages: {
      root: "{{fromRoot}} may not import '{{specifier}}': {{allowed}}.",
      typeOnly:
        "{{fromRoot}} may import '{{specifier}}' with `import type` only (it must not pull in preload code).",
      package:
        "{{fromRoot}} may not import the package '{{specifier}}': it imports only zod and libphonenumber-js among packages.",
      builtin: "{{fromRoot}} may not import the Node builtin '{{specifier}}': it does not run in Node.",
      electron: '{{fromRoot}} may not import electron: only src-main and src-preload run inside Electron.',
      localStore:
        "Only src-renderer/data and src-renderer/sync may import '{{specifier}}': read through their hooks and modules.",
    },
  },
  create(context) {
    const projectRoot = context.options[0]?.projectRoot ?? PROJECT_ROOT;
    const fromFile = projectPath(context.filename, projectRoot);
    const fromRoot = fromFile && rootOf(fromFile);
    if (!fromRoot) return {};
    const allowedRoots = [fromRoot, ...POLICIES[fromRoot].roots].join(', ');

    function check(sourceNode, isTypeOnly) {
      if (sourceNode?.type !== 'Literal' || typeof sourceNode.value !== 'string') return;
      const specifier = sourceNode.value;
      const imported = classify(specifier, context.filename, projectRoot);
      const problem = violation(fromFile, fromRoot, imported, isTypeOnly);
      if (problem) {
        context.report({
          node: sourceNode,
          messageId: problem.messageId,
          data: { fromRoot, specifier, allowed: `it imports only from ${allowedRoots}` },
        });
      }
    }

    return importSourceVisitors(check);
  },
};

/** The local plugin: `boundaries/import-directions` and `boundaries/server-layers`. */
export default {
  meta: { name: 'agentdeck-import-boundaries' },
  rules: { 'import-directions': importDirections, 'server-layers': serverLayers },
};
