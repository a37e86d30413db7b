import type { HzwBridge } from '../../shared/ipc/bridge';
import type { PickedFile, PickedFileRef } from '../../shared/ipc/contract';
import { MAX_IMPORT_TOTAL_BYTES, READ_CHUNK_BYTES } from '../../shared/ipc/limits';

type ChunkBridge = Pick<HzwBridge, 'readPicked' | 'releasePicked'>;

/**
 * Read the files main granted for a pick, chunk by chunk, into one buffer each. Main checked the
 * caps; the renderer checks them again (it allocates the buffers) and releases every token it
 * does not read to the end, so a failed import leaves nothing open in main.
 */
export async function readPickedFiles(
  bridge: ChunkBridge,
  refs: readonly PickedFileRef[],
): Promise<PickedFile[]> {
  const total = refs.reduce((sum, ref) => sum + ref.size, 0);
  const files: PickedFile[] = [];
  let index = 0;
  try {
    if (total > MAX_IMPORT_TOTAL_BYTES) {
      const mib = MAX_IMPORT_TOTAL_BYTES / 1024 / 1024;
      throw new Error(`所选文件超过 ${mib} MB。/ The picked files are larger than ${mib} MB together.`);
    }
    for (; index < refs.length; index++) files.push(await readOne(bridge, refs[index]!));
    return files;
  } catch (error) {
    for (const ref of refs.slice(index)) await bridge.releasePicked(ref.token).catch(() => undefined);
    throw error;
  }
}

async function readOne(bridge: ChunkBridge, ref: PickedFileRef): Promise<PickedFile> {
  const bytes = new Uint8Array(ref.size);
  let offset = 0;
  while (offset < ref.size) {
    const length = Math.min(READ_CHUNK_BYTES, ref.size - offset);
    const chunk = await bridge.readPicked({ token: ref.token, offset, length });
    if (chunk.byteLength === 0 || chunk.byteLength > length) {
      throw new Error(`${ref.name}: 读取中断。/ ${ref.name}: reading stopped at byte ${offset}.`);
    }
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  // An empty file was never read, so its token is still open.
  if (ref.size === 0) await bridge.releasePicked(ref.token);
  return { name: ref.name, bytes };
}
