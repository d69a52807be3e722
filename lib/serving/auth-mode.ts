/**
 * How callers authenticate to an online endpoint's scoring URI (a data-plane operation).
 *
 * @see https://learn.microsoft.com/azure/machine-learning/how-to-authenticate-online-endpoint
 */
export class EndpointAuthMode {
  /** Microsoft Entra ID tokens, checked against Azure RBAC: no shared secret exists. The default. */
  public static readonly AAD_TOKEN = new EndpointAuthMode('AADToken');
  /** Static keys that never expire until regenerated: anyone holding one can call the endpoint. */
  public static readonly KEY = new EndpointAuthMode('Key');
  /** Azure ML tokens that expire after an hour; not for batch endpoints. */
  public static readonly AML_TOKEN = new EndpointAuthMode('AMLToken');

  /** A mode not listed here. */
  public static of(value: string): EndpointAuthMode {
    return new EndpointAuthMode(value);
  }

  private constructor(public readonly value: string) {}
}
