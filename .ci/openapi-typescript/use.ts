// Compiled by .ci/run against the types openapi-typescript generates from docs/openapi/v1.json, as a TypeScript
// integrator would use them: the generated file must compile as it is, and name what integrators reach for.
import type { components, paths } from "./register";

type Obstacle = components["schemas"]["ObstacleDto"];
type IssueBody = paths["/api/v1/amendments/{id}/issue"]["post"]["requestBody"];
type Change = components["schemas"]["ChangeDto"];

const reference: Obstacle["reference"] = "VM-2026-000001";
const resolved: Change["type"] = "obstacle.resolved";
const registered: IssueBody extends { content: { "application/json": infer Body } } ? Body : never = { regulationId: "01a2350e-c1f5-7b3e-9a40-2f5c3b7d9e10" };

export { reference, registered, resolved };
