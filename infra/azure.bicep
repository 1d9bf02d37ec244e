// The Helmond Aanpak-assistent in Azure: a user-assigned managed identity, the web app that runs the bot, the
// Azure Bot with the Teams channel, Cosmos DB for NoSQL and Application Insights. Deployed into one resource
// group by `atk provision` (m365agents.yml) or by hand:
//
//   az bicep build --file infra/azure.bicep
//   az deployment group create -g <group> -f infra/azure.bicep -p infra/azure.parameters.json
//
// Idempotent: running it again changes only what differs. No key, password or secret is created or stored:
// the bot, Cosmos DB and Microsoft Graph all use the managed identity.

@description('Used to name every resource (letters and digits, 4-16 characters); the names can also be set one by one below.')
@minLength(4)
@maxLength(16)
param resourceBaseName string

@description('Azure region. West Europe by default: the cases, the logs and the app stay in the EU.')
param location string = 'westeurope'

@description('Display name of the bot in Teams.')
@maxLength(42)
param botDisplayName string = 'Helmond Aanpak-assistent'

param identityName string = '${resourceBaseName}-id'
param planName string = '${resourceBaseName}-plan'
param appName string = '${resourceBaseName}-app'
param botName string = '${resourceBaseName}-bot'
param cosmosAccountName string = toLower('${resourceBaseName}-cosmos')
param workspaceName string = '${resourceBaseName}-logs'
param appInsightsName string = '${resourceBaseName}-ai'

@description('App Service plan: B1 (small gemeente) or P0v3 (large gemeente, deployment slots).')
@allowed([
  'B1'
  'B2'
  'P0v3'
  'P1v3'
])
param appServicePlanSku string = 'B1'

@description('Cosmos DB database name (COSMOS_DATABASE).')
param cosmosDatabaseName string = 'helmond-aanpak'

@description('serverless (default) or autoscale.')
@allowed([
  'serverless'
  'autoscale'
])
param cosmosCapacityMode string = 'serverless'

@description('With autoscale: the database\'s maximum RU/s.')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('Cosmos DB backup: Continuous7Days (free point-in-time restore), Continuous30Days or Periodic.')
@allowed([
  'Continuous7Days'
  'Continuous30Days'
  'Periodic'
])
param cosmosBackup string = 'Continuous7Days'

@description('Tenant ids (comma-separated) whose activities the bot serves; empty means the deploying tenant.')
param allowedTenants string = ''

@description('Object id of the Entra group whose members are aanjager.')
param roleGroupAanjager string

@description('Object id of the Entra group whose members are leidinggevende.')
param roleGroupLeidinggevende string

@description('Object id of the Entra group whose members are procesregisseur.')
param roleGroupProcesregisseur string

@description('Object id of the Entra group whose members are bestuurder.')
param roleGroupBestuurder string

@description('Object id of the Entra group whose members are beheerder.')
param roleGroupBeheerder string

@description('graph (MDO invites in Exchange calendars) or ics (invites as files).')
@allowed([
  'graph'
  'ics'
])
param calendar string = 'graph'

@description('The app\'s id in the tenant\'s Teams app catalog; empty on the first run, set after publishing.')
param teamsAppCatalogId string = ''

@description('The team whose doorbraakbudget new cases draw on.')
param teamId string = 'wijkteam'

@description('Tags on every resource.')
param tags object = {
  application: 'helmond-aanpak'
}

// Never an empty ALLOWED_TENANTS in production: empty would let every tenant in.
var servedTenants = empty(allowedTenants) ? tenant().tenantId : allowedTenants

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: workspaceName
    appInsightsName: appInsightsName
    tags: tags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    accountName: cosmosAccountName
    databaseName: cosmosDatabaseName
    capacityMode: cosmosCapacityMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    backup: cosmosBackup
    principalId: identity.properties.principalId
    tags: tags
  }
}

module web 'modules/app-service.bicep' = {
  name: 'app-service'
  params: {
    location: location
    planName: planName
    appName: appName
    planSku: appServicePlanSku
    identityResourceId: identity.id
    identityClientId: identity.properties.clientId
    tenantId: identity.properties.tenantId
    allowedTenants: servedTenants
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabase: cosmos.outputs.databaseName
    appInsightsConnectionString: monitoring.outputs.connectionString
    roleGroupAanjager: roleGroupAanjager
    roleGroupLeidinggevende: roleGroupLeidinggevende
    roleGroupProcesregisseur: roleGroupProcesregisseur
    roleGroupBestuurder: roleGroupBestuurder
    roleGroupBeheerder: roleGroupBeheerder
    calendar: calendar
    teamsAppCatalogId: teamsAppCatalogId
    teamId: teamId
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    botName: botName
    displayName: botDisplayName
    endpoint: 'https://${web.outputs.hostName}/api/messages'
    identityResourceId: identity.id
    identityClientId: identity.properties.clientId
    identityTenantId: identity.properties.tenantId
    tags: tags
  }
}

// Written to env/.env.<environment> by the Agents Toolkit (arm/deploy).
output AZURE_APP_SERVICE_RESOURCE_ID string = web.outputs.appId
output BOT_DOMAIN string = web.outputs.hostName
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_PRINCIPAL_ID string = identity.properties.principalId
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
