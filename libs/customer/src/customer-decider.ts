import { CustomerCommand } from './customer-commands';
import { CustomerEvent } from './customer-events';
import { CustomerState, initialState } from './customer-state';
import { decide } from './decide';
import { evolve } from './evolve';

/** The three functions an event-sourced command handler needs, in one value. */
export interface Decider<State, Command, Event> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}

export const customerDecider: Decider<CustomerState, CustomerCommand, CustomerEvent> = { initialState, evolve, decide };
