export { dataKeyStoreContract, DataKeyStoreContractSubject } from './data-key-store.contract';
