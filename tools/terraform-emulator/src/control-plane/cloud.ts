// placeholder until the control plane lands
export class Cloud {}
