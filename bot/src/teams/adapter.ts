import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { languageOfTag } from '../domain/model/common.js';

/** botframework-connector's AuthenticationConstants for the public cloud (botbuilder does not re-export them). */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
};

/**
 * botbuilder's CloudAdapter. With an app id it validates the Bot Framework JWT on every
 * incoming activity; without one (local development, the Agents Playground) it accepts
 * unauthenticated calls — config refuses that in production.
 */
export function createAdapter(config: Config, log: Logger): { adapter: CloudAdapter; auth: ConfigurationBotFrameworkAuthentication } {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppPassword: config.bot.appPassword,
    // No app id: local development, where botbuilder then skips authentication.
    MicrosoftAppType: config.bot.appId ? config.bot.appType : 'MultiTenant',
    MicrosoftAppTenantId: config.bot.tenantId,
    // Another metadata document (tests: a fake on loopback). botbuilder takes any one of these
    // settings as "all of them are given", so the public cloud's others are spelled out.
    ...(config.bot.openIdMetadataUrl
      ? {
          ValidateAuthority: true,
          ...PUBLIC_CLOUD,
          ToBotFromChannelOpenIdMetadataUrl: config.bot.openIdMetadataUrl,
          CallerId: CallerIdConstants.PublicAzureChannel,
        }
      : {}),
  };
  const auth = new ConfigurationBotFrameworkAuthentication(options);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error({ err: error.message, activityType: context.activity.type }, 'bot turn failed');
    // Only a person who wrote something is waiting for an answer; never post into a
    // channel because a background event (refresh, member added) failed.
    if (context.activity.type !== 'message' || context.activity.conversation?.conversationType !== 'personal') return;
    const german = languageOfTag(context.activity.locale) === 'de';
    await context
      .sendActivity(german ? 'Entschuldigung, bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es noch einmal.' : 'Sorry, something went wrong on our side. Please try again.')
      .catch((err: unknown) => log.warn({ err }, 'could not tell the user about the failure'));
  };
  return { adapter, auth };
}
