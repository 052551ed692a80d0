// The service shape custom resource (ADR 0013): it keeps, for the life of the ECS service, the values the service was
// created with for every property ECS refuses to update under the CODE_DEPLOY controller (task definition family,
// container, subnets, security groups, capacity strategy; assignPublicIp follows the environment and stays literal). The AWS::ECS::Service reads them from here by
// Fn::GetAtt, so a config change of one of them leaves the service's resolved properties as they were and
// CloudFormation sends nothing to ECS; the deployment resource carries the new values to CodeDeploy instead.
//
// Create: the values given, returned as attributes and kept in the physical ID. Update: the values kept in the
// physical ID, whatever the new properties say, under the same physical ID. Delete: nothing. No AWS call.

const PREFIX = 'service-shape:';

/** Strategy weights and bases by provider, both always present, so the service's template never changes shape. */
const PROVIDERS = { FARGATE: 'Fargate', FARGATE_SPOT: 'FargateSpot' };

export function shapeOf(props) {
  const data = {
    Family: props.Family,
    ContainerName: props.ContainerName,
    ContainerPort: String(props.ContainerPort),
    Subnets: [...props.Subnets].join(','),
    SecurityGroups: [...props.SecurityGroups].join(','),
  };
  for (const [provider, key] of Object.entries(PROVIDERS)) {
    const item = (props.CapacityProviderStrategy ?? []).find((entry) => entry.CapacityProvider === provider);
    data[`${key}Weight`] = String(item?.Weight ?? 0);
    data[`${key}Base`] = String(item?.Base ?? 0);
  }
  return data;
}

export function encode(data) {
  return PREFIX + Buffer.from(JSON.stringify(data)).toString('base64url');
}

export function decode(physicalId) {
  if (!physicalId?.startsWith(PREFIX)) throw new Error(`'${physicalId}' is not a service shape this handler made`);
  return JSON.parse(Buffer.from(physicalId.slice(PREFIX.length), 'base64url').toString('utf8'));
}

export async function onEvent(event) {
  if (event.RequestType === 'Create') {
    const data = shapeOf(event.ResourceProperties);
    console.log(`Create: keeping the service's creation-time shape ${JSON.stringify(data)}`);
    return { PhysicalResourceId: encode(data), Data: data };
  }
  if (event.RequestType === 'Update') {
    const data = decode(event.PhysicalResourceId);
    console.log(`Update: the service keeps its creation-time shape; CodeDeploy deploys the new values`);
    return { PhysicalResourceId: event.PhysicalResourceId, Data: data };
  }
  return { PhysicalResourceId: event.PhysicalResourceId };
}
