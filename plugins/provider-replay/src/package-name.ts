/** The package that registers these providers; the registry tells a re-import from a name clash by it. */
export const PACKAGE_NAME = "@argo/provider-replay";
