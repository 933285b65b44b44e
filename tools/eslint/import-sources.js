// What both local import rules share: project-relative paths and the places a module is named.
import path from 'node:path';

/** The project-relative path with forward slashes, or null when the path lies outside the project. */
export function projectPath(absolutePath, projectRoot) {
  const relative = path.relative(projectRoot, absolutePath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative.split(path.sep).join('/');
}

/**
 * Visitors that call `check(sourceNode, isTypeOnly)` for every import, re-export, dynamic import and
 * `import('...').T` type (which never loads the module, so it counts as type-only).
 */
export function importSourceVisitors(check) {
  return {
    ImportDeclaration: (node) => check(node.source, node.importKind === 'type'),
    ExportNamedDeclaration: (node) => check(node.source, node.exportKind === 'type'),
    ExportAllDeclaration: (node) => check(node.source, node.exportKind === 'type'),
    ImportExpression: (node) => check(node.source, false),
    TSImportType: (node) => check(node.source ?? node.argument?.literal, true),
  };
}
