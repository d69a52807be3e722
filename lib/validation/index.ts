// The azapi body check for your own stacks; the Azure type oracle behind it stays internal.
export { AzapiSchemaValidation, AzapiSchemaValidationProps } from './azapi-schema-validation';
