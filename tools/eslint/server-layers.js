// A local ESLint rule that keeps src-server's folders in layers: a file imports only its own
// layer and the ones below it (docs/ARCHITECTURE.md, "Server layers"). Plain JavaScript (ESM).
import path from 'node:path';
import { importSourceVisitors, projectPath } from './import-sources.js';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
const SERVER = 'src-server/';

/** Lowest first. */
export const SERVER_LAYERS = [
  'platform',
  'db',
  'identity',
  'spine',
  'features',
  'routing',
  'supervision',
  'edge',
  'channels',
  'app',
];

/** The layer of a project-relative path inside src-server, or null for a folder no layer owns. */
export function serverLayerOf(relativePath) {
  const inner = relativePath.slice(SERVER.length);
  const parts = inner.split('/');
  if (parts.length === 1) return 'app';
  const [top, second] = parts;
  if (top === 'channels') return 'channels';
  if (/\.routes?\.ts$/.test(inner)) return 'edge';
  if (top === 'http' || top === 'socket') return 'edge';
  if (top === 'supervision') return 'supervision';
  if (top === 'routing') return 'routing';
  if (top === 'features') {
    if (second === 'sync') return 'spine';
    if (second === 'auth' || second === 'directory') return 'identity';
    return 'features';
  }
  if (top === 'db') return 'db';
  if (top === 'platform') return 'platform';
  return null;
}

const ORDER = SERVER_LAYERS.join(' < ');

const serverLayers = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep src-server in layers: each folder imports only its own layer and lower ones' },
    schema: [
      {
        type: 'object',
        properties: { projectRoot: { type: 'string' } },
        additionalProperties: false,
      },
    ],
    messages: {
      upward:
        "{{fromLayer}} ({{fromFile}}) may not import '{{specifier}}' from the higher layer {{toLayer}}: server layers import downward only ({{order}}). Move the piece down, or let the higher layer register it.",
      unknown:
        "'{{fromFile}}' lies in a src-server folder no layer owns: place it in one of {{order}} (tools/eslint/server-layers.js).",
    },
  },
  create(context) {
    const projectRoot = context.options[0]?.projectRoot ?? PROJECT_ROOT;
    const fromFile = projectPath(context.filename, projectRoot);
    if (!fromFile?.startsWith(SERVER)) return {};
    const fromLayer = serverLayerOf(fromFile);
    if (!fromLayer) {
      return {
        Program: (node) => context.report({ node, messageId: 'unknown', data: { fromFile, order: ORDER } }),
      };
    }

    function check(sourceNode) {
      if (sourceNode?.type !== 'Literal' || typeof sourceNode.value !== 'string') return;
      const specifier = sourceNode.value;
      if (!specifier.startsWith('.')) return;
      const target = projectPath(path.resolve(path.dirname(context.filename), specifier), projectRoot);
      if (!target?.startsWith(SERVER)) return;
      const toLayer = serverLayerOf(target);
      if (!toLayer || SERVER_LAYERS.indexOf(toLayer) <= SERVER_LAYERS.indexOf(fromLayer)) return;
      context.report({
        node: sourceNode,
        messageId: 'upward',
        data: { fromLayer, fromFile, specifier, toLayer, order: ORDER },
      });
    }

    // Type-only imports count too: a type from a higher layer is the same upward knowledge.
    return importSourceVisitors(check);
  },
};

export default serverLayers;
