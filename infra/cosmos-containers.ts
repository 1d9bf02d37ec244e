/**
 * The Cosmos DB containers as the Bicep deploys them, generated from the one definition the code keeps
 * (services/adapters/cosmos/containers.ts). infra/modules/cosmos.bicep loads the JSON this writes with
 * `loadJsonContent`, and test/unit/infra.test.ts fails when the file and the code differ.
 *
 * Regenerate after changing a container, a partition key or an indexing policy:
 *
 *     npx tsx infra/cosmos-containers.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ContainerDefinition } from '@azure/cosmos';
import { AUDIT_CONTAINER, BOTSTATE_CONTAINER, CASES_CONTAINER, VERSIONED_CONTAINERS } from '../services/adapters/cosmos/containers';

/** Every container the code creates, in a fixed order. */
export const CODE_CONTAINERS: readonly (ContainerDefinition & { id: string })[] = [
  CASES_CONTAINER,
  BOTSTATE_CONTAINER,
  AUDIT_CONTAINER,
  ...Object.values(VERSIONED_CONTAINERS),
];

/** The fields a container definition may have; any other would be lost on the way to ARM, so it is refused. */
const CARRIED = ['id', 'partitionKey', 'indexingPolicy'];

/** One container in the shape of ARM's `sqlDatabases/containers` resource (hash partitioning, version 2). */
export interface ArmContainer {
  readonly id: string;
  readonly partitionKey: { readonly paths: readonly string[]; readonly kind: 'Hash'; readonly version: 2 };
  readonly indexingPolicy: unknown;
}

/** The ARM shapes of the given definitions; throws on a field this generator does not carry. */
export function toArmContainers(definitions: readonly (ContainerDefinition & { id: string })[]): ArmContainer[] {
  return definitions.map((definition) => {
    const extra = Object.keys(definition).filter((key) => !CARRIED.includes(key));
    if (extra.length > 0) throw new Error(`Container ${definition.id}: ${extra.join(', ')} is not carried to infra/ yet; extend infra/cosmos-containers.ts.`);
    const paths = definition.partitionKey?.paths;
    if (!paths || paths.length !== 1) throw new Error(`Container ${definition.id}: exactly one partition key path expected.`);
    return { id: definition.id, partitionKey: { paths: [...paths], kind: 'Hash', version: 2 }, indexingPolicy: definition.indexingPolicy };
  });
}

/** The file's text: what infra/cosmos-containers.json must hold, byte for byte. */
export function armContainersJson(definitions = CODE_CONTAINERS): string {
  return `${JSON.stringify(toArmContainers(definitions), null, 2)}\n`;
}

export const ARM_CONTAINERS_FILE = path.join(__dirname, 'cosmos-containers.json');

if (require.main === module) {
  writeFileSync(ARM_CONTAINERS_FILE, armContainersJson());
  process.stdout.write(`${ARM_CONTAINERS_FILE} geschreven (${CODE_CONTAINERS.length} containers).\n`);
}
