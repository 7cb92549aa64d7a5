// The slice of web-ext's JavaScript API the build uses (the package ships no types).
declare module 'web-ext' {
  interface BuildOptions {
    sourceDir: string;
    artifactsDir: string;
    filename: string;
    overwriteDest: boolean;
  }
  interface RunOptions {
    sourceDir: string;
    target: Array<'chromium' | 'firefox-desktop'>;
    chromiumBinary?: string;
    firefox?: string;
    startUrl?: string[];
    args?: string[];
    pref?: Record<string, string | number | boolean>;
    noReload?: boolean;
  }
  const webExt: {
    cmd: {
      build(options: BuildOptions, extra: { shouldExitProgram: boolean }): Promise<unknown>;
      run(options: RunOptions, extra: { shouldExitProgram: boolean }): Promise<unknown>;
    };
  };
  export default webExt;
}
