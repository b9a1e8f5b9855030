/**
 * Type declarations for `dist/types`, emitted twice from one type-checked program:
 * `.d.ts` for `import` (relative specifiers end in `.js`) and `.d.cts` for `require`
 * (they end in `.cjs`). The sources import without extensions, which `bundler`
 * resolution accepts and `node16`/`nodenext` do not: there, an extensionless import in
 * a declaration resolves to nothing and every type behind it silently becomes `any`.
 *
 * In the `.d.cts` files, a package whose types exist only as ES modules (rjsf ships
 * CommonJS code but ESM-only types) is imported with `resolution-mode: "import"`, which
 * TypeScript requires for a type-only import of an ES module from CommonJS.
 */
import { existsSync, readFileSync } from 'node:fs';
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

/** Whether `require` of this package gets ES-module types (its types sit in a `"type": "module"` package, outside `.d.cts`). */
function hasEsmOnlyTypes(specifier: string, fromFile: string, options: ts.CompilerOptions): boolean {
  const resolved = ts.resolveModuleName(
    specifier,
    fromFile,
    { ...options, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 },
    ts.sys,
    undefined,
    undefined,
    ts.ModuleKind.CommonJS,
  ).resolvedModule;
  if (!resolved || resolved.extension !== ts.Extension.Dts) return false;
  for (let dir = dirname(resolved.resolvedFileName); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type === 'module';
  }
  return false;
}

function specifierRewriter(extension: '.js' | '.cjs', options: ts.CompilerOptions): ts.TransformerFactory<ts.SourceFile | ts.Bundle> {
  const esmOnly = new Map<string, boolean>();
  return (context) => {
    const { factory } = context;
    const importMode = () =>
      factory.createImportAttributes(
        factory.createNodeArray([factory.createImportAttribute(factory.createStringLiteral('resolution-mode'), factory.createStringLiteral('import'))]),
      );
    return (node) => {
      if (!ts.isSourceFile(node)) return node;
      const fileName = node.fileName;
      const rewrite = (literal: ts.StringLiteral): ts.StringLiteral | undefined =>
        literal.text.startsWith('./') || literal.text.startsWith('../')
          ? factory.createStringLiteral(withExtension(literal.text, fileName, extension))
          : undefined;
      const needsImportMode = (literal: ts.StringLiteral): boolean => {
        if (extension !== '.cjs' || literal.text.startsWith('.')) return false;
        if (!esmOnly.has(literal.text)) esmOnly.set(literal.text, hasEsmOnlyTypes(literal.text, fileName, options));
        return esmOnly.get(literal.text)!;
      };
      const visit = (child: ts.Node): ts.Node => {
        if (ts.isImportDeclaration(child) && ts.isStringLiteral(child.moduleSpecifier)) {
          if (needsImportMode(child.moduleSpecifier) && child.importClause) {
            // Declarations only use imports as types, so making the import type-only changes nothing else.
            const bindings = child.importClause.namedBindings;
            // `import type { type X }` is an error: the inline modifiers go.
            const namedBindings =
              bindings && ts.isNamedImports(bindings)
                ? factory.updateNamedImports(
                    bindings,
                    bindings.elements.map((element) => factory.updateImportSpecifier(element, false, element.propertyName, element.name)),
                  )
                : bindings;
            const clause = factory.updateImportClause(child.importClause, ts.SyntaxKind.TypeKeyword, child.importClause.name, namedBindings);
            return factory.updateImportDeclaration(child, child.modifiers, clause, child.moduleSpecifier, importMode());
          }
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
          if (needsImportMode(child.argument.literal)) {
            return factory.updateImportTypeNode(child, child.argument, importMode(), child.qualifier, child.typeArguments, child.isTypeOf);
          }
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
      { afterDeclarations: [specifierRewriter(extension, parsed.options)] },
    );
    if (result.diagnostics.length > 0) throw new Error(formatDiagnostics(result.diagnostics, root));
  }
  return written;
}
