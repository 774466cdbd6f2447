/**
 * Entry point of the component package (`PulumiPlugin.yaml`), not of the npm library (that is `infra/lib.ts`,
 * built to `dist/`).
 *
 * Pulumi's schema analyzer starts from here: package.json points at compiled JavaScript it cannot read, so it falls
 * back to this file and follows the exports below to the component classes. And when the Pulumi CLI launches the
 * package as a plugin (`run-plugin` requires this directory while `dist/` is not built), importing `./infra/provider`
 * starts the provider host.
 */
import "./infra/provider";

export * from "./infra/components";
