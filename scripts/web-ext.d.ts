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
  /** What run() resolves to once the browser runs with the extension loaded. */
  interface ExtensionRunner {
    /** Kills the browser and removes its temporary profile. */
    exit(): Promise<void>;
    /** Called once the browser has gone, whoever closed it. */
    registerCleanup(callback: () => void): void;
  }
  const webExt: {
    cmd: {
      build(options: BuildOptions, extra: { shouldExitProgram: boolean }): Promise<unknown>;
      run(options: RunOptions, extra: { shouldExitProgram: boolean }): Promise<ExtensionRunner>;
    };
  };
  export default webExt;
}
