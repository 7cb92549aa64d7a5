// moto 5 takes two ModifyInstanceAttribute parameters differently from AWS and Eucalyptus. An
// ec2Forward for the front door that sends them the way moto applies them, so the panel's
// requests (shaped for AWS) change what AWS would change:
// - UserData.Value is base64 of the bytes; moto decodes it and then wants base64 again (it keeps
//   that as the stored, encoded form), so it gets the value base64-encoded once more; an empty
//   value (no user data) goes as Attribute=userData&Value=.
// - InstanceInitiatedShutdownBehavior.Value is not among the `.Value` names moto reads (it falls
//   through to its security group handler, which empties the instance's groups); moto applies
//   the same change given as Attribute=instanceInitiatedShutdownBehavior&Value=….

export function motoAttributesAsAws(
  action: string,
  params: Array<[string, string]>,
): Array<[string, string]> {
  if (action !== 'ModifyInstanceAttribute') return params;
  return params.flatMap(([key, value]): Array<[string, string]> => {
    if (key === 'UserData.Value' && value === '')
      // moto would keep empty bytes and answer "b''"; as Attribute/Value it keeps no user data.
      return [
        ['Attribute', 'userData'],
        ['Value', ''],
      ];
    if (key === 'UserData.Value') return [[key, Buffer.from(value, 'utf8').toString('base64')]];
    if (key === 'InstanceInitiatedShutdownBehavior.Value')
      return [
        ['Attribute', 'instanceInitiatedShutdownBehavior'],
        ['Value', value],
      ];
    return [[key, value]];
  });
}
