// Shared by every hand-written binding: what generated cdktf bindings spell out in each constructor.
import { TerraformMetaArguments, TerraformProviderGeneratorMetadata, TerraformResourceConfig } from 'cdktf';

/** The `TerraformResource` config for a resource type: its generator metadata plus the user's meta-arguments. */
export function resourceConfig(terraformResourceType: string, terraformGeneratorMetadata: TerraformProviderGeneratorMetadata,
  meta: TerraformMetaArguments): TerraformResourceConfig {
  return {
    terraformResourceType,
    terraformGeneratorMetadata,
    provider: meta.provider,
    dependsOn: meta.dependsOn,
    count: meta.count,
    lifecycle: meta.lifecycle,
    provisioners: meta.provisioners,
    connection: meta.connection,
    forEach: meta.forEach,
  };
}
