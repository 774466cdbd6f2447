/**
 * Type-checks a stack program as `pulumi preview` does: the Node.js language host runs a TypeScript program through
 * ts-node with type checking, so a type error fails the preview before any resource is registered. The plan itself
 * loads the program with tsx (no type checking), so it checks only when asked (`--typecheck`): a full check takes
 * seconds, and `npm run plan` stays fast.
 */
import * as path from "node:path";
import ts from "typescript";

/** The program's type errors (`file:line:col - error TSnnnn: message`), with the project's tsconfig.json. */
export function typeCheckProgram(projectDir: string, main: string): string[] {
    const configFile = ts.findConfigFile(projectDir, (f) => ts.sys.fileExists(f), "tsconfig.json");
    let options: ts.CompilerOptions = { strict: true, esModuleInterop: true, skipLibCheck: true };
    if (configFile) {
        const read = ts.readConfigFile(configFile, (f) => ts.sys.readFile(f));
        if (read.error) return [formatDiagnostic(read.error)];
        options = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configFile)).options;
    }
    const program = ts.createProgram([main], { ...options, noEmit: true });
    return ts.getPreEmitDiagnostics(program).map(formatDiagnostic);
}

function formatDiagnostic(d: ts.Diagnostic): string {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return `error TS${d.code}: ${message}`;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    const file = path.relative(process.cwd(), d.file.fileName);
    return `${file}:${line + 1}:${character + 1} - error TS${d.code}: ${message}`;
}
