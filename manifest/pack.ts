// `npm run package`: check and pack the Teams app (manifest/build/helmond-aanpak.zip) from the deployment's variables.
import path from 'node:path';
import { packApp, parsePackInput } from './app-manifest';

try {
  const out = path.join(__dirname, 'build', 'helmond-aanpak.zip');
  packApp(parsePackInput(process.env), out);
  process.stdout.write(`App-pakket gemaakt: ${out}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
