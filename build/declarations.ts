/**
 * Type declarations for `dist/types`, emitted twice from one type-checked program:
 * `.d.ts` for `import` (relative specifiers end in `.js`) and `.d.cts` for `require`
 * (they end in `.cjs`). The sources import without extensions, which `bundler`
 * resolution accepts and `node16`/`nodenext` do not: there, an extensionless import in
 * a declaration resolves to nothing and every type behind it silently becomes `any`.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface DeclarationOptions {
  /** The repository root. */
  root: string;
  /** tsconfig for the declarations, relative to `root`. */
  tsconfig: string;
}

function formatDiagnostics(diagnostics: readonly ts.Diagnostic[], root: string): string {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (fileName) => fileName,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  });
}

/** `./schema/errors` seen from `src/core/index.ts` → `./schema/errors` + `.js`, or `./schema` → `./schema/index` + `.js`. */
function withExtension(specifier: string, fromFile: string, extension: '.js' | '.cjs'): string {
  const base = resolve(dirname(fromFile), specifier);
  for (const [suffix, rewritten] of [
    ['.ts', `${specifier}${extension}`],
    ['.tsx', `${specifier}${extension}`],
    ['/index.ts', `${specifier}/index${extension}`],
    ['/index.tsx', `${specifier}/index${extension}`],
  ] as const) {
    if (existsSync(`${base}${suffix}`)) return rewritten;
  }
  throw new Error(`${fromFile}: cannot resolve "${specifier}" to a TypeScript source, so its declaration cannot name it.`);
}

function specifierRewriter(extension: '.js' | '.cjs'): ts.TransformerFactory<ts.SourceFile | ts.Bundle> {
  return (context) => {
    const { factory } = context;
    return (node) => {
      if (!ts.isSourceFile(node)) return node;
      const fileName = node.fileName;
      const rewrite = (literal: ts.StringLiteral): ts.StringLiteral | undefined =>
        literal.text.startsWith('./') || literal.text.startsWith('../')
          ? factory.createStringLiteral(withExtension(literal.text, fileName, extension))
          : undefined;
      const visit = (child: ts.Node): ts.Node => {
        if (ts.isImportDeclaration(child) && ts.isStringLiteral(child.moduleSpecifier)) {
          const specifier = rewrite(child.moduleSpecifier);
          if (specifier) return factory.updateImportDeclaration(child, child.modifiers, child.importClause, specifier, child.attributes);
        }
        if (ts.isExportDeclaration(child) && child.moduleSpecifier && ts.isStringLiteral(child.moduleSpecifier)) {
          const specifier = rewrite(child.moduleSpecifier);
          if (specifier) {
            return factory.updateExportDeclaration(child, child.modifiers, child.isTypeOnly, child.exportClause, specifier, child.attributes);
          }
        }
        if (ts.isImportTypeNode(child) && ts.isLiteralTypeNode(child.argument) && ts.isStringLiteral(child.argument.literal)) {
          const specifier = rewrite(child.argument.literal);
          if (specifier) {
            return factory.updateImportTypeNode(
              child,
              factory.updateLiteralTypeNode(child.argument, specifier),
              child.attributes,
              child.qualifier,
              child.typeArguments?.map((argument) => ts.visitNode(argument, visit) as ts.TypeNode),
              child.isTypeOf,
            );
          }
        }
        return ts.visitEachChild(child, visit, context);
      };
      return ts.visitEachChild(node, visit, context);
    };
  };
}

/** Emits `dist/types/**` (`.d.ts` and `.d.cts`); returns the files written, relative to `root`. */
export function emitDeclarations({ root, tsconfig }: DeclarationOptions): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, tsconfig), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(formatDiagnostics([diagnostic], root));
    },
  });
  if (!parsed) throw new Error(`Cannot read ${tsconfig}.`);
  if (parsed.errors.length > 0) throw new Error(formatDiagnostics(parsed.errors, root));
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) throw new Error(`Type errors, no declarations written:\n${formatDiagnostics(diagnostics, root)}`);

  const written: string[] = [];
  for (const [extension, declarationSuffix] of [
    ['.js', '.d.ts'],
    ['.cjs', '.d.cts'],
  ] as const) {
    const result = program.emit(
      undefined,
      (fileName, text) => {
        const target = fileName.replace(/\.d\.ts$/, declarationSuffix);
        ts.sys.writeFile(target, text);
        written.push(relative(root, target));
      },
      undefined,
      true,
      { afterDeclarations: [specifierRewriter(extension)] },
    );
    if (result.diagnostics.length > 0) throw new Error(formatDiagnostics(result.diagnostics, root));
  }
  return written;
}
