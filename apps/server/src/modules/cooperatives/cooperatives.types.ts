import type {
  CooperativeView,
  CreateCooperativeInput,
} from '@lumbung/shared/contracts/cooperatives';

export type Cooperative = CooperativeView;
export type RegisterCooperativeInput = CreateCooperativeInput;
