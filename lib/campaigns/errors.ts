/** Something in the campaign's own input (the file, the message, the recipients) is wrong:
 * found before anything is sent, so the user can fix it and run again. */
export class CampaignInputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CampaignInputError';
	}
}
