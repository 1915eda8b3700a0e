import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalBytes, foreignOrigins, generatePackKeyPair, Pack, packFileName, signBytes, verifyPack } from '../../engine/pack';
import { publicPart } from '../../engine/pack/crypto';
import { jsonPathOf } from '../../engine/json-path';
import { checkTourFolder, tourFiles } from './check-tours';

export const KEY_FILE_ENV = 'DANBUOC_PACK_KEY_FILE';
export const KEY_ENV = 'DANBUOC_PACK_KEY';
export const PRIVATE_KEY_FILE = 'danbuoc-pack.private.jwk.json';
export const PUBLIC_JWK_FILE = 'danbuoc-pack.public.jwk.json';
export const PUBLIC_SPKI_FILE = 'danbuoc-pack.public.spki.txt';

/** A failure the CLI prints as is (Vietnamese, then English) and exits 1 on. */
export class PackError extends Error {}

export interface BuildOptions {
  toursDir: string;
  outDir: string;
  packId: string;
  /** default: one more than the highest version of this pack already in outDir */
  version?: number;
  /** default: now */
  publishedAt?: string;
  /** the signing key, already read (see signingKeyFromEnv) */
  privateKey: JsonWebKey;
}

export interface BuiltPack {
  file: string;
  signatureFile: string;
  version: number;
  tours: number;
  bytes: number;
}

/** Reads the private JWK from $DANBUOC_PACK_KEY_FILE or $DANBUOC_PACK_KEY; refuses without one. */
export async function signingKeyFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<JsonWebKey> {
  let text: string;
  if (env[KEY_FILE_ENV]) text = await readFile(env[KEY_FILE_ENV], 'utf8');
  else if (env[KEY_ENV]) text = env[KEY_ENV];
  else {
    throw new PackError(
      `Chưa có khoá ký gói hướng dẫn, nên không ký được. Đặt ${KEY_FILE_ENV}=<đường dẫn tệp khoá riêng> hoặc ${KEY_ENV}=<khoá JWK>; ` +
        `tạo khoá mới bằng "npm run tours:pack -- --generate-key <thư mục>".\n` +
        `(No signing key: set ${KEY_FILE_ENV} to the private JWK file or ${KEY_ENV} to the JWK itself; the key is never committed.)`,
    );
  }
  let jwk: JsonWebKey;
  try {
    jwk = JSON.parse(text) as JsonWebKey;
  } catch {
    throw new PackError('Khoá ký không phải JWK hợp lệ. (The signing key is not a JSON Web Key.)');
  }
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d) {
    throw new PackError('Khoá ký phải là khoá riêng ECDSA P-256 (JWK có "d"). (The signing key must be a private ECDSA P-256 JWK.)');
  }
  return jwk;
}

async function nextVersion(outDir: string, packId: string): Promise<number> {
  if (!existsSync(outDir)) return 1;
  const pattern = new RegExp(`^${packId}-(\\d+)\\.json$`);
  const versions = (await readdir(outDir)).map((name) => Number(pattern.exec(name)?.[1] ?? 0));
  return Math.max(0, ...versions) + 1;
}

/** The tours of a folder as they go into a pack: every file checked, `$schema` (an editor hint) dropped. */
export async function loadTours(toursDir: string): Promise<unknown[]> {
  const problems = await checkTourFolder(toursDir);
  if (problems.length) {
    throw new PackError(`Có tour sai quy cách, chưa đóng gói được. (Tours have problems:)\n${problems.map((p) => p.line).join('\n')}`);
  }
  const tours: unknown[] = [];
  for (const file of await tourFiles(toursDir)) {
    const tour = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    delete tour.$schema;
    tours.push(tour);
  }
  return tours;
}

/** Checks, writes `<packId>-<version>.json` in canonical bytes and its `.sig`, and verifies the result. */
export async function buildPack(options: BuildOptions): Promise<BuiltPack> {
  const version = options.version ?? (await nextVersion(options.outDir, options.packId));
  const pack = { packId: options.packId, version, publishedAt: options.publishedAt ?? new Date().toISOString(), tours: await loadTours(options.toursDir) };
  const foreign = foreignOrigins(pack);
  const parsed = Pack.safeParse(pack);
  if (foreign.length || !parsed.success) {
    const lines = [...foreign, ...(parsed.success ? [] : parsed.error.issues.map((i) => `${jsonPathOf(i.path)}: ${i.message}`))];
    throw new PackError(`Gói hướng dẫn sai quy cách. (The pack does not match the pack format:)\n${lines.join('\n')}`);
  }
  const file = join(options.outDir, packFileName(options.packId, version));
  if (existsSync(file)) throw new PackError(`Đã có ${file}: mỗi lần phát hành cần một phiên bản mới. (Versions only go up: ${file} exists.)`);

  const bytes = canonicalBytes(pack);
  const signature = await signBytes(bytes, options.privateKey);
  const check = await verifyPack(bytes, signature, [publicPart(options.privateKey)]);
  if (!check.ok) throw new PackError(check.message);

  await mkdir(options.outDir, { recursive: true });
  await writeFile(file, bytes);
  await writeFile(`${file}.sig`, `${signature}\n`);
  return { file, signatureFile: `${file}.sig`, version, tours: pack.tours.length, bytes: bytes.length };
}

/** Writes a new key pair for an author or a test: the private JWK (owner-only) and the public JWK and SPKI. */
export async function writeKeyPair(dir: string): Promise<{ privateFile: string; publicJwkFile: string; publicSpkiFile: string; publicSpki: string }> {
  const privateFile = join(dir, PRIVATE_KEY_FILE);
  if (existsSync(privateFile)) throw new PackError(`Đã có khoá riêng ${privateFile}, không ghi đè. (A private key is already there; not overwriting it.)`);
  const pair = await generatePackKeyPair();
  await mkdir(dir, { recursive: true });
  await writeFile(privateFile, `${JSON.stringify(pair.privateJwk, null, 2)}\n`, { mode: 0o600 });
  await chmod(privateFile, 0o600);
  const publicJwkFile = join(dir, PUBLIC_JWK_FILE);
  const publicSpkiFile = join(dir, PUBLIC_SPKI_FILE);
  await writeFile(publicJwkFile, `${JSON.stringify(pair.publicJwk, null, 2)}\n`);
  await writeFile(publicSpkiFile, `${pair.publicSpki}\n`);
  return { privateFile, publicJwkFile, publicSpkiFile, publicSpki: pair.publicSpki };
}
