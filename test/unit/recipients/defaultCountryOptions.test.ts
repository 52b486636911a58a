import { COUNTRIES } from '../../../lib/recipients';
import { defaultCountryProperty } from '../../../nodes/OvhSms/actions/common/messageFields';

test('the node offers every country the number normaliser knows, and no other', () => {
	const offered = (defaultCountryProperty({}).options as Array<{ value: string }>).map((o) => o.value).filter(Boolean);
	expect(offered.sort()).toEqual(COUNTRIES.map((c) => c.code).sort());
});
