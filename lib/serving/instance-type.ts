import { isToken } from '../core/validation';
import { checkArgs, S } from '../core/shape';

/**
 * The VM size of a managed online deployment's instances.
 *
 * Presets are sizes Azure ML supports for managed online endpoints; `InstanceType.of()` takes any other size
 * (checked for the `Standard_...` shape; tokens pass through).
 *
 * @see https://learn.microsoft.com/azure/machine-learning/reference-managed-online-endpoints-vm-sku-list
 */
export class InstanceType {
  /** 2 vCPU, 7 GiB: small models and tests. */
  public static readonly STANDARD_DS2_V2 = new InstanceType('Standard_DS2_v2');
  /** 4 vCPU, 14 GiB: the size most Azure ML examples use. */
  public static readonly STANDARD_DS3_V2 = new InstanceType('Standard_DS3_v2');
  /** 8 vCPU, 28 GiB. */
  public static readonly STANDARD_DS4_V2 = new InstanceType('Standard_DS4_v2');
  /** 16 vCPU, 56 GiB. */
  public static readonly STANDARD_DS5_V2 = new InstanceType('Standard_DS5_v2');
  /** 2 vCPU, 4 GiB, compute optimized. */
  public static readonly STANDARD_F2S_V2 = new InstanceType('Standard_F2s_v2');
  /** 4 vCPU, 8 GiB, compute optimized: Azure's default for managed deployments. */
  public static readonly STANDARD_F4S_V2 = new InstanceType('Standard_F4s_v2');
  /** 8 vCPU, 16 GiB, compute optimized. */
  public static readonly STANDARD_F8S_V2 = new InstanceType('Standard_F8s_v2');
  /** 16 vCPU, 32 GiB, compute optimized. */
  public static readonly STANDARD_F16S_V2 = new InstanceType('Standard_F16s_v2');
  /** 4 vCPU, 32 GiB, memory optimized. */
  public static readonly STANDARD_E4S_V3 = new InstanceType('Standard_E4s_v3');
  /** 8 vCPU, 64 GiB, memory optimized. */
  public static readonly STANDARD_E8S_V3 = new InstanceType('Standard_E8s_v3');
  /** 1 V100 GPU. */
  public static readonly STANDARD_NC6S_V3 = new InstanceType('Standard_NC6s_v3');
  /** 2 V100 GPUs. */
  public static readonly STANDARD_NC12S_V3 = new InstanceType('Standard_NC12s_v3');
  /** 1 A100 GPU. */
  public static readonly STANDARD_NC24ADS_A100_V4 = new InstanceType('Standard_NC24ads_A100_v4');

  /** 4 vCPU, 1 T4 GPU: the GPU size Azure ML's examples use most. */
  public static readonly STANDARD_NC4AS_T4_V3 = new InstanceType('Standard_NC4as_T4_v3');
  /**
   * The instance type the Azure ML extension creates on every attached Kubernetes cluster, used when a Kubernetes
   * deployment names none.
   * @see https://learn.microsoft.com/azure/machine-learning/how-to-manage-kubernetes-instance-types
   */
  public static readonly KUBERNETES_DEFAULT = new InstanceType('defaultinstancetype');

  /**
   * A VM size not listed here, e.g. `InstanceType.of('Standard_NC4as_T4_v3')`, or an instance type of a Kubernetes
   * cluster, e.g. `InstanceType.of('gpu-t4')`. A preset's name in any casing (`STANDARD_NC4AS_T4_V3`) gives the preset.
   */
  public static of(name: string): InstanceType {
    checkArgs('InstanceType.of', { name }, { name: S.string('"Standard_DS3_v2"').req });
    if (isToken(name)) return new InstanceType(name);
    return presets().find(p => p.name.toLowerCase() === name.toLowerCase()) ?? new InstanceType(name);
  }

  private constructor(public readonly name: string) {}

  /** Whether the name has the shape of an Azure VM size, in any casing (tokens are assumed valid). */
  public get isWellFormed(): boolean {
    return isToken(this.name) || /^standard_[a-z0-9_]+$/i.test(this.name);
  }

  /**
   * Whether the name can be a Kubernetes instance type: a custom resource's name, so a DNS subdomain (lowercase
   * letters, digits, `-` and `.`, at most 253). https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
   */
  public get isKubernetesName(): boolean {
    return isToken(this.name) || (this.name.length <= 253 && /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(this.name));
  }

  public toString(): string {
    return this.name;
  }
}

/** The presets, so `InstanceType.of` writes a known size in the spelling of Azure's SKU list, however it was cased. */
function presets(): InstanceType[] {
  return Object.values(InstanceType).filter((x): x is InstanceType => x instanceof InstanceType);
}
