// Azure Cosmos DB for NoSQL: the account (Entra ID only, no keys), the database, every container the code
// declares and a data-plane role for the bot's managed identity.
//
// The containers come from ../cosmos-containers.json, generated from services/adapters/cosmos/containers.ts
// (`npx tsx infra/cosmos-containers.ts`); test/unit/infra.test.ts fails when the two differ. The bot itself
// cannot create a container here: with Entra ID, creating databases and containers is a control-plane operation
// its data role does not allow, so every container it needs must be in this file.

@description('Azure region of the account (its only region: the data stays there).')
param location string

@description('Name of the Cosmos DB account (lower case, 3-44 characters).')
@minLength(3)
@maxLength(44)
param accountName string

@description('Name of the database; the bot reads it from COSMOS_DATABASE.')
param databaseName string

@description('serverless: pay per request unit (the default, for a small or middle-sized gemeente). autoscale: provisioned throughput shared by the containers, scaling between 10% and 100% of cosmosAutoscaleMaxThroughput.')
@allowed([
  'serverless'
  'autoscale'
])
param capacityMode string = 'serverless'

@description('With capacityMode autoscale: the database\'s maximum RU/s (at least 1000).')
@minValue(1000)
param autoscaleMaxThroughput int = 1000

@description('Continuous7Days (free), Continuous30Days (point-in-time restore for 30 days, paid per GB) or Periodic (two copies, every four hours).')
@allowed([
  'Continuous7Days'
  'Continuous30Days'
  'Periodic'
])
param backup string = 'Continuous7Days'

@description('Principal id of the managed identity that gets the Cosmos DB Built-in Data Contributor role.')
param principalId string

@description('Tags on every resource.')
param tags object = {}

var containers = loadJsonContent('../cosmos-containers.json')

// Cosmos DB Built-in Data Contributor: read and write items, read metadata; no keys, no control plane.
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: capacityMode == 'serverless' ? [
      {
        name: 'EnableServerless'
      }
    ] : []
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
    backupPolicy: backup == 'Periodic' ? {
      type: 'Periodic'
      periodicModeProperties: {
        backupIntervalInMinutes: 240
        backupRetentionIntervalInHours: 8
        backupStorageRedundancy: 'Local'
      }
    } : {
      type: 'Continuous'
      continuousModeProperties: {
        tier: backup
      }
    }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: capacityMode == 'autoscale' ? {
      autoscaleSettings: {
        maxThroughput: autoscaleMaxThroughput
      }
    } : {}
  }
}

resource container 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [for definition in containers: {
  parent: database
  name: definition.id
  properties: {
    resource: {
      id: definition.id
      partitionKey: definition.partitionKey
      indexingPolicy: definition.indexingPolicy
    }
  }
}]

resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(account.id, principalId, dataContributorRoleId)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
    principalId: principalId
    scope: account.id
  }
}

output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
output containerIds array = [for (definition, i) in containers: container[i].name]
