/**
 * The part of markdown-it (a CommonMark renderer, a devDependency) the Markdown escaping test uses. Declared here
 * rather than through @types/markdown-it, whose declarations fail a type check without skipLibCheck (its LinkifyIt
 * namespace used as a type), and @types packages in node_modules are read by every consumer type check the e2e tests
 * run from this tree.
 */
declare module "markdown-it" {
    interface Options {
        html?: boolean;
        linkify?: boolean;
    }
    export default class MarkdownIt {
        constructor(options?: Options);
        render(source: string): string;
    }
}
