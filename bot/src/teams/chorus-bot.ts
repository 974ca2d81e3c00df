import { TeamsActivityHandler, type TurnContext } from 'botbuilder';

/** The bot's first words; the conversations and cards proper arrive with the bot issue. */
export class ChorusBot extends TeamsActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context: TurnContext, next) => {
      const german = (context.activity.locale ?? '').toLowerCase().startsWith('de');
      await context.sendActivity(german ? 'Hallo! Hier ist Chorus.' : 'Hello! This is Chorus.');
      await next();
    });
  }
}
