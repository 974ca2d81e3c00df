// Chorus on Azure: one Linux Web App (Node 22) running web + worker, a user-assigned
// managed identity as the bot's identity (no secret to rotate), an Azure Bot with the
// Teams channel, and optionally a PostgreSQL flexible server.
// Deployed by `atk provision --env dev` (m365agents.yml, arm/deploy); outputs in
// UPPER_SNAKE case are written back to env/.env.<env> by the toolkit.

@minLength(4)
@maxLength(20)
@description('Prefix for every resource name, e.g. chorusdev')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU; B1 is the smallest with Always On, which the worker needs')
param webAppSku string = 'B1'

@maxLength(42)
param botDisplayName string = 'Chorus'

@description('Entra app (client) id the tab SSO tokens are issued for')
param entraClientId string

@description('Comma-separated tenant ids whose users may call the API; empty: this tenant')
param entraTenantIds string = ''

@description('The Teams app id (manifest id): card buttons open the tab inside Teams via deep links')
param teamsAppId string = ''

@description('Install Chorus through Graph for people an announcement would not reach otherwise (PROACTIVE_INSTALL); needs the Graph permission TeamsAppInstallation.ReadWriteSelfForUser.All and teamsAppCatalogId')
param proactiveInstall bool = false

@description('The app\'s id in the Teams app catalog (Teams admin center → Manage apps → Chorus → App ID), for proactiveInstall')
param teamsAppCatalogId string = ''

@secure()
@description('Postgres connection string; leave empty to use the server created here')
param databaseUrl string = ''

@description('Create a PostgreSQL flexible server (ignored when databaseUrl is given)')
param createPostgres bool = true

@secure()
@description('Admin password for the created PostgreSQL server (required when it is created)')
param postgresAdminPassword string = ''

param postgresAdminLogin string = 'chorus'

var webAppName = resourceBaseName
var webAppHost = '${webAppName}.azurewebsites.net'
var publicUrl = 'https://${webAppHost}'
var allowedTenantIds = empty(entraTenantIds) ? tenant().tenantId : entraTenantIds
var usePostgresHere = empty(databaseUrl) && createPostgres
var postgresServerName = '${resourceBaseName}-pg'
// Public-cloud host name; computed rather than read so the conditional server needs no null checks.
var postgresHost = '${postgresServerName}.postgres.database.azure.com'
// verify-full: TLS with the server's certificate and host name checked against Node's own CA list
// (Azure's roots are public ones). pg 8 reads 'require' the same way but warns on every start.
var createdDatabaseUrl = 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgresHost}:5432/chorus?sslmode=verify-full'
var effectiveDatabaseUrl = !empty(databaseUrl) ? databaseUrl : (usePostgresHere ? createdDatabaseUrl : '')

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

resource plan 'Microsoft.Web/serverfarms@2022-09-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2022-09-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts' // Node 20 reached end of life in April 2026
      appCommandLine: 'npm start'
      alwaysOn: true // the delivery worker and scheduler live in this process
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      healthCheckPath: '/healthz'
      appSettings: [
        { name: 'PORT', value: '8080' } // the port App Service's Node image forwards to
        { name: 'NODE_ENV', value: 'production' }
        { name: 'PUBLIC_URL', value: publicUrl }
        { name: 'DATABASE_URL', value: effectiveDatabaseUrl }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppTenantId', value: identity.properties.tenantId }
        { name: 'AUTH_MODE', value: 'entra' }
        { name: 'ENTRA_CLIENT_ID', value: entraClientId }
        { name: 'ENTRA_TENANT_IDS', value: allowedTenantIds }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        { name: 'PROACTIVE_INSTALL', value: proactiveInstall ? 'true' : 'false' }
        { name: 'TEAMS_APP_CATALOG_ID', value: teamsAppCatalogId }
        // App Service's front end appends the reader's address to X-Forwarded-For: unique readers take it from there.
        { name: 'TRUST_PROXY_HOPS', value: '1' }
        // The deploy step uploads the built app without node_modules; the build service
        // only installs production dependencies (its default would also run `npm run build`).
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
        { name: 'CUSTOM_BUILD_COMMAND', value: 'npm ci --omit=dev' }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: '${publicUrl}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
    msaAppType: 'UserAssignedMSI'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = if (usePostgresHere) {
  name: postgresServerName
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: 32
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
  }
}

resource postgresDb 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2022-12-01' = if (usePostgresHere) {
  parent: postgres
  name: 'chorus'
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0-0.0.0.0 means "Azure services", which includes the Web App's outbound addresses.
// Use VNet integration and a private endpoint instead where the tenant requires it.
resource postgresFirewall 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2022-12-01' = if (usePostgresHere) {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

output BOT_ID string = identity.properties.clientId
output BOT_DOMAIN string = webAppHost
output TAB_DOMAIN string = webAppHost
output TAB_ENDPOINT string = publicUrl
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
