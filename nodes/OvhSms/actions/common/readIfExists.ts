export { readIfExists } from '../../../../lib/ovh';
