import Ajv, { type ErrorObject } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import localizeNl from 'ajv-i18n/localize/nl';
import schema from './schema/MicrosoftTeams.schema.json';

/** The manifest version of the schema in `manifest/schema/` (see its README for where it came from). */
export const MANIFEST_VERSION = schema.properties.manifestVersion.const;

/** Teams' own limits on a bot command that the JSON schema does not carry (app manifest reference, `commandLists`). */
const COMMAND_TITLE_MAX = 32;
const COMMAND_DESCRIPTION_MAX = 128;

/** One problem in Dutch: where in the manifest (a JSON pointer) and what is wrong there. */
const describe = (error: ErrorObject): string => {
  const where = error.instancePath === '' ? 'het manifest' : error.instancePath;
  const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
  const extra = (error.params as { additionalProperty?: string }).additionalProperty;
  return `${where} ${error.message ?? 'is ongeldig'}${allowed ? ` (${allowed.join(', ')})` : ''}${extra ? ` (${extra})` : ''}`;
};

/** The limits of Teams on the bots' command lists, which the schema leaves out. */
function commandProblems(manifest: unknown): string[] {
  const bots = (manifest as { bots?: { commandLists?: { commands?: { title?: string; description?: string }[] }[] }[] }).bots ?? [];
  return bots.flatMap((bot, b) =>
    (bot.commandLists ?? []).flatMap((list, l) =>
      (list.commands ?? []).flatMap((command, c) => [
        ...((command.title?.length ?? 0) > COMMAND_TITLE_MAX ? [`/bots/${b}/commandLists/${l}/commands/${c}/title mag niet langer dan ${COMMAND_TITLE_MAX} karakters zijn`] : []),
        ...((command.description?.length ?? 0) > COMMAND_DESCRIPTION_MAX
          ? [`/bots/${b}/commandLists/${l}/commands/${c}/description mag niet langer dan ${COMMAND_DESCRIPTION_MAX} karakters zijn`]
          : []),
      ]),
    ),
  );
}

/**
 * A validator of Teams app manifests against the schema in the repository (offline: nothing is fetched), with Teams'
 * command limits on top. It returns every problem in Dutch, an empty list for a valid manifest. Compiling the schema
 * takes a moment: build one validator and reuse it.
 */
export function createManifestValidator(): (manifest: unknown) => string[] {
  // The official schema is draft-04 and uses the formats uri, email and regex, as Microsoft's own validator does.
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  return (manifest) => {
    if (validate(manifest)) return commandProblems(manifest);
    const errors = validate.errors ?? [];
    localizeNl(errors);
    return [...new Set(errors.map(describe)), ...commandProblems(manifest)];
  };
}
