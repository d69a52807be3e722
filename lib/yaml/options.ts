/** What every loader takes: the CLI's command-line values, typed, and how to treat the CLI's defaults. */
export interface YamlLoadOptions {
  /**
   * What `az ml ... create --set <key>=<value>` sets: key paths (`version`, `tags.team`, `request_settings.request_timeout_ms`,
   * `replication_locations[0].location`) to values, written as on the command line (parsed as YAML scalars, so
   * `3` is a number and `true` a boolean). Applied before the file is checked.
   * @default - none
   */
  readonly set?: { [keyPath: string]: string };
  /** What `--name` sets: replaces the file's `name`. @default - the file's name */
  readonly name?: string;
  /** What `--version` sets: replaces the file's `version`. @default - the file's version */
  readonly version?: string;
  /**
   * Reproduce the CLI's defaults where they are less secure than this library's (public network access, key auth,
   * Application Insights off, public egress). Each such default is named once in an info annotation either way.
   * @default false - this library's secure defaults win
   */
  readonly cliDefaults?: boolean;
}
