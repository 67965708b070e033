// Stage 4: decide how the text holds each event (asserted, forecast, hypothetical, negated) and who says so.
import type { StatusModel } from './model/status.js';
import type { PipelineState } from './types.js';

export function assignStatus(_state: PipelineState, _model: StatusModel): void {}
