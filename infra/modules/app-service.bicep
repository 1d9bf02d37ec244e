// The App Service plan and the Linux web app that runs the bot (Node 20, `npm start`), with every app setting
// the configuration (bot/config.ts) needs in production. test/unit/infra.test.ts reads the `appsettings` block
// below and checks it against PRODUCTION_SETTINGS in bot/config.ts.

@description('Azure region of the plan and the app.')
param location string

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app; its address is https://<name>.azurewebsites.net.')
param appName string

@description('Plan size: B1 for a small gemeente, P0v3 for a large one or for deployment slots.')
@allowed([
  'B1'
  'B2'
  'P0v3'
  'P1v3'
])
param planSku string = 'B1'

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityResourceId string

@description('Client id of that identity: the bot\'s app id and the identity DefaultAzureCredential picks.')
param identityClientId string

@description('Tenant of the identity and of the gemeente.')
param tenantId string

@description('Tenant ids (comma-separated) whose activities the bot serves.')
param allowedTenants string

@description('Cosmos DB account endpoint.')
param cosmosEndpoint string

@description('Cosmos DB database.')
param cosmosDatabase string

@description('Application Insights connection string (not a secret: it only allows sending telemetry).')
param appInsightsConnectionString string

@description('Object id of the Microsoft Entra security group that holds the role aanjager.')
param roleGroupAanjager string

@description('Object id of the Microsoft Entra security group that holds the role leidinggevende.')
param roleGroupLeidinggevende string

@description('Object id of the Microsoft Entra security group that holds the role procesregisseur.')
param roleGroupProcesregisseur string

@description('Object id of the Microsoft Entra security group that holds the role bestuurder.')
param roleGroupBestuurder string

@description('Object id of the Microsoft Entra security group that holds the role beheerder.')
param roleGroupBeheerder string


@description('graph: MDO invites through the professionals\' Exchange calendars; ics: invites as files in the chat.')
@allowed([
  'graph'
  'ics'
])
param calendar string = 'graph'

@description('The app\'s id in the tenant\'s Teams app catalog; empty until the app is published there.')
param teamsAppCatalogId string = ''

@description('The team whose doorbraakbudget new cases draw on.')
param teamId string = 'wijkteam'

@description('How often (seconds) each instance delivers notifications of changes.')
param outboxIntervalSeconds int = 5

@description('How often (seconds) each instance looks for due reminders.')
param reminderIntervalSeconds int = 60

@description('debug, info, warn or error.')
param logLevel string = 'info'

@description('Tags on every resource.')
param tags object = {}

// The built-in Node image forwards requests to this port.
var port = '8080'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      // The package is built before the zip deploy and mounted read-only (WEBSITE_RUN_FROM_PACKAGE): skip the
      // prestart build and run `node dist/bot/index.js`.
      appCommandLine: 'npm start --ignore-scripts'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
    }
  }
}

// No FTP with a publishing password; zip deploy signs in with Entra ID.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource appsettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    // The HTTP edge
    HOST: '0.0.0.0'
    PORT: port
    WEBSITES_PORT: port
    ALLOWED_TENANTS: allowedTenants
    LOG_LEVEL: logLevel
    // The bot's identity: the managed identity, no password
    MicrosoftAppType: 'UserAssignedMSI'
    MicrosoftAppId: identityClientId
    MicrosoftAppTenantId: tenantId
    // DefaultAzureCredential (Cosmos DB, Microsoft Graph) picks the user-assigned identity by this client id
    AZURE_CLIENT_ID: identityClientId
    // Cosmos DB through Entra ID: no COSMOS_KEY
    COSMOS_ENDPOINT: cosmosEndpoint
    COSMOS_DATABASE: cosmosDatabase
    // Roles from Entra groups; Graph through the managed identity (no GRAPH_CLIENT_SECRET)
    ROLE_GROUP_AANJAGER: roleGroupAanjager
    ROLE_GROUP_LEIDINGGEVENDE: roleGroupLeidinggevende
    ROLE_GROUP_PROCESREGISSEUR: roleGroupProcesregisseur
    ROLE_GROUP_BESTUURDER: roleGroupBestuurder
    ROLE_GROUP_BEHEERDER: roleGroupBeheerder
    CALENDAR: calendar
    TEAMS_APP_CATALOG_ID: teamsAppCatalogId
    TEAM_ID: teamId
    OUTBOX_INTERVAL_SECONDS: string(outboxIntervalSeconds)
    REMINDER_INTERVAL_SECONDS: string(reminderIntervalSeconds)
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
    // The Azure Monitor distro's own usage reports (statsbeat) go to a Microsoft endpoint outside this resource: off
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true'
    // Deployment: the zip is built beforehand and run as it is
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  }
}

output appId string = app.id
output hostName string = app.properties.defaultHostName
