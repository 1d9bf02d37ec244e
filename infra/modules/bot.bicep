// The Azure Bot registration, bound to the user-assigned managed identity (no app secret), with the Teams channel.

@description('Name of the Azure Bot resource (4-42 characters: letters, digits, - and _).')
@minLength(4)
@maxLength(42)
param botName string

@description('Display name of the bot.')
param displayName string

@description('The bot\'s messaging endpoint: https://<app>/api/messages.')
param endpoint string

@description('Resource id of the user-assigned managed identity.')
param identityResourceId string

@description('Client id of that identity: the bot\'s MicrosoftAppId.')
param identityClientId string

@description('Tenant of that identity.')
param identityTenantId string

@description('F0 (free: standard channels such as Teams are free on both) or S1.')
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

@description('Tags on every resource.')
param tags object = {}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  // The Bot Service routes messages globally; the data (Cosmos DB, App Service, logs) stays in the chosen region.
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityResourceId
    msaAppTenantId: identityTenantId
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output botId string = bot.properties.msaAppId
