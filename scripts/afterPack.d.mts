export default function afterPack(context: {
  electronPlatformName: string;
  arch: number;
  appOutDir: string;
  packager: { addElectronFuses(context: unknown, fuses: unknown): Promise<unknown> };
}): Promise<void>;
