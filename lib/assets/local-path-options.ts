// What the local-path sources take (public API; the upload itself lives in local-upload.ts, which is internal).

/** Options of the `fromLocalPath` sources (models, data, code) and of environment build contexts. */
export interface LocalPathOptions {
  /**
   * Leave out the files a folder's `.amlignore` (or, without one, `.gitignore`) matches, as `az ml ... create` does
   * when it uploads a folder. What the YAML loaders use, so a file loads into the same content the CLI uploads.
   * @default false - every file of the folder is uploaded
   */
  readonly honourIgnoreFiles?: boolean;
}
