import { buildPack, PackError, signingKeyFromEnv, writeKeyPair } from './lib/pack-tours';

/**
 * npm run tours:pack [-- --pack-id dan-buoc --version N --published-at ISO --tours tours --out dist-packs]
 * npm run tours:pack -- --generate-key <dir>
 * Checks every tour, builds dist-packs/<packId>-<version>.json in canonical bytes and signs it with
 * the private key from $DANBUOC_PACK_KEY_FILE or $DANBUOC_PACK_KEY (never committed).
 */
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

try {
  const keyDir = option('--generate-key');
  if (keyDir) {
    const written = await writeKeyPair(keyDir);
    console.log(`Khoá riêng (giữ kín, không đưa vào git): ${written.privateFile}`);
    console.log(`Khoá công khai: ${written.publicJwkFile}, ${written.publicSpkiFile}`);
    console.log(`SPKI: ${written.publicSpki}`);
  } else {
    const version = option('--version');
    if (version !== undefined && !/^[1-9]\d*$/.test(version)) throw new PackError('--version phải là số nguyên dương. (--version must be a positive integer.)');
    const built = await buildPack({
      toursDir: option('--tours') ?? 'tours',
      outDir: option('--out') ?? 'dist-packs',
      packId: option('--pack-id') ?? 'dan-buoc',
      version: version === undefined ? undefined : Number(version),
      publishedAt: option('--published-at'),
      privateKey: await signingKeyFromEnv(),
    });
    console.log(`Đã đóng gói và ký ${built.tours} tour, phiên bản ${built.version}: ${built.file} (${built.bytes} bytes) + ${built.signatureFile}`);
  }
} catch (error) {
  if (!(error instanceof PackError)) throw error;
  console.error(error.message);
  process.exit(1);
}
