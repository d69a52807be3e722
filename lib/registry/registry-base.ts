import { ITerraformDependable, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { BuiltInRole, grantRole, IPrincipal } from '../core/rbac';
import { Environment, EnvironmentOptions } from '../assets/environment';
import { Model, ModelOptions } from '../assets/model';

/** An Azure ML registry, created by this library or imported. */
export interface IRegistry extends IConstruct {
  /** The ARM id of the registry. */
  readonly registryId: string;
  /** The registry name: unique in the tenant, part of every `azureml://registries/<name>/...` URI. */
  readonly registryName: string;
  /** The primary region. */
  readonly location: string;
  readonly resourceGroupName: string;
  /** The principal id of the registry's system-assigned identity, if known. */
  readonly principalId?: string;
  /** What assets in the registry depend on, so they are created after it. */
  readonly dependable?: ITerraformDependable;
  /**
   * Whether the registry accepts public network access. A workspace with a managed network reaches a private one only
   * through a PrivateEndpoint outbound rule (`amlregistry`), which deployments serving its versions add.
   * @default - unknown (an imported registry without the attribute)
   */
  readonly publicNetworkAccessEnabled?: boolean;

  /** Grants `role` on the registry to `principal`. */
  grant(principal: IPrincipal, role: BuiltInRole): RoleAssignment;
  /**
   * AzureML Registry User: read and use the registry's assets (deploy its models, run its components). Grant it to
   * every workspace identity and endpoint identity that deploys from the registry.
   */
  grantRead(principal: IPrincipal): RoleAssignment;
}

/** Attributes of an existing registry, for `Registry.fromRegistryAttributes`. */
export interface RegistryAttributes {
  readonly registryName: string;
  /** The ARM id of the resource group that holds the registry. */
  readonly resourceGroupId: string;
  /** The primary region. */
  readonly location: string;
  /** @default - unknown */
  readonly principalId?: string;
  /** @default - unknown: deployments in managed-network workspaces cannot tell whether they need an outbound rule to it */
  readonly publicNetworkAccessEnabled?: boolean;
}

/** What every registry, created or imported, can do. */
export abstract class RegistryBase extends Construct implements IRegistry {
  public abstract readonly registryId: string;
  public abstract readonly registryName: string;
  public abstract readonly location: string;
  public abstract readonly resourceGroupName: string;
  public abstract readonly principalId?: string;
  public abstract readonly dependable?: ITerraformDependable;
  public abstract readonly publicNetworkAccessEnabled?: boolean;

  public grant(principal: IPrincipal, role: BuiltInRole): RoleAssignment {
    return grantRole(this, this.registryId, role, principal);
  }

  public grantRead(principal: IPrincipal): RoleAssignment {
    return this.grant(principal, BuiltInRole.AZUREML_REGISTRY_USER);
  }

  /**
   * Declares a model (the container of its versions) in this registry; `name` defaults to `id`.
   *
   * ```ts
   * const churn = registry.addModel('churn');
   * churn.addVersion('3', { source: ModelSource.fromWorkspaceModel(devVersion) });
   * ```
   */
  public addModel(id: string, options: ModelOptions = {}): Model {
    return new Model(this, id, { ...options, registry: this });
  }

  /** Declares an environment (the container of its versions) in this registry; `name` defaults to `id`. */
  public addEnvironment(id: string, options: EnvironmentOptions = {}): Environment {
    return new Environment(this, id, { ...options, registry: this });
  }
}

/**
 * The registry's ARM id as a literal, when it is known at synth: what a stack that the registry's own stack depends on
 * can use without reading the registry's state (which would make the two stacks wait for each other). @internal
 */
export function registryIdAtSynth(registry: IRegistry): string | undefined {
  if (!Token.isUnresolved(registry.registryId)) return registry.registryId;
  const literal = (registry as { _literalRegistryId?: string })._literalRegistryId;
  return literal !== undefined && !Token.isUnresolved(literal) ? literal : undefined;
}
